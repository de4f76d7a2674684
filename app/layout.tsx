import type { ReactNode } from 'react';

// The real root layout (with <html lang dir>) is app/[locale]/layout.tsx. This pass-through exists
// so that app/not-found.tsx can handle URLs outside any locale.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}

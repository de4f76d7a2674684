// Non-public pages: the header's signed-in area first (components/layout/signed-in-layout.tsx).
export { SignedInLayout as default } from '@/components/layout/signed-in-layout';

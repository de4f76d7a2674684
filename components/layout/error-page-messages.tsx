'use client';
// The error page's words, translated on the server (app/[locale]/layout.tsx) and handed to the
// client error boundary (app/[locale]/error.tsx) through a plain context: next-intl's client
// provider would put its message-formatting runtime (~17 KB) on the first visit of every page.
import { createContext, useContext, type ReactNode } from 'react';

export type ErrorPageMessages = { title: string; body: string; offline: string; retry: string; homeLink: string };

const ErrorPageMessagesContext = createContext<ErrorPageMessages | null>(null);

export function ErrorPageMessagesProvider({ messages, children }: { messages: ErrorPageMessages; children: ReactNode }) {
  return <ErrorPageMessagesContext value={messages}>{children}</ErrorPageMessagesContext>;
}

export function useErrorPageMessages(): ErrorPageMessages {
  const messages = useContext(ErrorPageMessagesContext);
  if (!messages) throw new Error('ErrorPageMessagesProvider is missing above the error page');
  return messages;
}

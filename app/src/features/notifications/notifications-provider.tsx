"use client";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

import { ToastStackUi, type Toast, type ToastTone } from "./toast-ui";

interface Notifier {
  /** Shows a toast; with `browser`, also a system notification when the user allowed them. */
  notify(tone: ToastTone, title: string, detail: string, options?: { browser?: boolean }): void;
  /** Asks for browser-notification permission (call from a click). */
  requestBrowserPermission(): void;
}

const NotifierContext = createContext<Notifier | null>(null);

export function useNotifier(): Notifier {
  const n = useContext(NotifierContext);
  if (n === null) throw new Error("useNotifier outside <NotificationsProvider>");
  return n;
}

const TOAST_MS = 8000;

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const notify = useCallback<Notifier["notify"]>(
    (tone, title, detail, options) => {
      const id = nextId.current++;
      setToasts((ts) => [...ts.slice(-4), { id, tone, title, detail }]);
      setTimeout(() => dismiss(id), TOAST_MS);
      if (options?.browser === true && typeof Notification !== "undefined" && Notification.permission === "granted") {
        new Notification(title, { body: detail, tag: `futstar-${id}` });
      }
    },
    [dismiss],
  );
  const requestBrowserPermission = useCallback(() => {
    if (typeof Notification !== "undefined" && Notification.permission === "default") void Notification.requestPermission();
  }, []);
  const value = useMemo(() => ({ notify, requestBrowserPermission }), [notify, requestBrowserPermission]);
  return (
    <NotifierContext.Provider value={value}>
      {children}
      <ToastStackUi toasts={toasts} onDismiss={dismiss} />
    </NotifierContext.Provider>
  );
}

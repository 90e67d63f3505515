import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

/** The message catalog sections the form that marks a signal uses. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["figures"]}>{children}</ClientMessages>;
}

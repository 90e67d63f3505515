import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

/** The message catalog sections this part's forms use. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["organisationTask"]}>{children}</ClientMessages>;
}

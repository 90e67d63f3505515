import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

/** The message catalog sections the upload form uses. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["reference"]}>{children}</ClientMessages>;
}

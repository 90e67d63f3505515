import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkParts, type DemoMail } from "@/lib/domain/demo-mail";
import { keepDemoMail } from "@/lib/server/demo-mailbox/keep-mail";
import { readDemoMailbox } from "@/lib/server/demo-mailbox/read-mailbox";

const mail = (id: string, sentAt: string, to = "noor@denhaag.example"): DemoMail => ({
  id,
  to,
  subject: "U bent uitgenodigd voor een account bij Doorbraak",
  text: `Open de link: http://localhost:3300/uitnodiging/medewerker/${id}.\n`,
  sentAt,
  baseUrl: "http://localhost:3300",
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "demo-mailbox-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the demo's mailbox", () => {
  it("keeps every mail as a file of its own and gives them back newest first", async () => {
    const env = { DEMO_MAILBOX_DIR: path.join(dir, "mailbox") };
    expect(await readDemoMailbox(env)).toEqual([]);
    await keepDemoMail(mail("older", "2026-12-04T09:00:00.000Z"), env);
    await keepDemoMail(mail("newest", "2026-12-04T11:00:00.000Z"), env);
    await keepDemoMail(mail("middle", "2026-12-04T10:00:00.000Z"), env);
    expect((await readDemoMailbox(env))!.map((m) => m.id)).toEqual(["newest", "middle", "older"]);
    // Written beside the final name and renamed: no partial file stays behind.
    expect((await readdir(env.DEMO_MAILBOX_DIR)).sort()).toEqual(["middle.json", "newest.json", "older.json"]);
  });

  it("overwrites a mail sent again instead of showing it twice", async () => {
    const env = { DEMO_MAILBOX_DIR: dir };
    await keepDemoMail(mail("same", "2026-12-04T09:00:00.000Z"), env);
    await keepDemoMail(mail("same", "2026-12-04T09:05:00.000Z"), env);
    expect(await readDemoMailbox(env)).toEqual([mail("same", "2026-12-04T09:05:00.000Z")]);
  });

  it("passes over files that are not mails", async () => {
    const env = { DEMO_MAILBOX_DIR: dir };
    await keepDemoMail(mail("good", "2026-12-04T09:00:00.000Z"), env);
    await writeFile(path.join(dir, "broken.json"), "{ not json");
    await writeFile(path.join(dir, "other.json"), JSON.stringify({ hello: "world" }));
    await writeFile(path.join(dir, ".half.json.1.tmp"), "{");
    expect((await readDemoMailbox(env))!.map((m) => m.id)).toEqual(["good"]);
  });

  it("does not exist, and writes nothing, without DEMO_MAILBOX_DIR", async () => {
    expect(await keepDemoMail(mail("a", "2026-12-04T09:00:00.000Z"), {})).toBe(false);
    expect(await readDemoMailbox({})).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it("does not exist, and writes nothing, where a mail server is set", async () => {
    const env = { DEMO_MAILBOX_DIR: dir, SMTP_URL: "smtp://127.0.0.1:2525" };
    expect(await keepDemoMail(mail("a", "2026-12-04T09:00:00.000Z"), env)).toBe(false);
    expect(await readDemoMailbox(env)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("links in a mail's text", () => {
  it("point at the path of a portal address, so they open on the host the mailbox was read at", () => {
    expect(linkParts("Open http://localhost:3300/uitnodiging/medewerker/abc.def. Daarna inloggen.", "http://localhost:3300")).toEqual([
      { kind: "text", text: "Open " },
      { kind: "link", text: "http://localhost:3300/uitnodiging/medewerker/abc.def", href: "/uitnodiging/medewerker/abc.def" },
      { kind: "text", text: ". Daarna inloggen." },
    ]);
  });

  it("keep a query, and end at the end of the text", () => {
    expect(linkParts("Zie http://127.0.0.1:3130/inloggen?volgende=%2Fwerkbak", "http://127.0.0.1:3130")).toEqual([
      { kind: "text", text: "Zie " },
      { kind: "link", text: "http://127.0.0.1:3130/inloggen?volgende=%2Fwerkbak", href: "/inloggen?volgende=%2Fwerkbak" },
    ]);
  });

  it("leave addresses of other sites, and text without links, as text", () => {
    expect(linkParts("Zie https://example.org/x of http://localhost:9999/y.", "http://localhost:3300")).toEqual([
      { kind: "text", text: "Zie https://example.org/x of http://localhost:9999/y." },
    ]);
    expect(linkParts("", "http://localhost:3300")).toEqual([]);
  });
});

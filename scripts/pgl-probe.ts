import { migrateDeploy } from "./db/engine";
async function main() {
  const r = await migrateDeploy({ kind: "pglite", dataDir: "/tmp/pglite-probe" });
  console.log(r.length, r.at(-1));
}
main().catch((e) => { console.error(e); process.exit(1); });

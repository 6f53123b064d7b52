// Debian's nginx on a free loopback port with a generated configuration in a temporary folder
// (prefix, pid, logs and temp paths all inside it), either serving DATA_DIR as plain static files
// ("nginx alone") or running the deploy/nginx/pogs.conf recipe in front of a portal.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { freePort } from "./processes";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";

export const NGINX = "/usr/sbin/nginx";
export const RECIPE = path.join(PROJECT_ROOT, "deploy/nginx/pogs.conf");

export function nginxAvailable(): boolean {
  return existsSync(NGINX) && process.getuid?.() === 0;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${RECIPE} no longer contains "${from}": update the harness`);
  return text.replace(from, to);
}

/** The recipe with this machine's DATA_DIR, portal address and listening port. */
export function recipeFor(dataDir: string, portalPort: number, port: number): string {
  let site = readFileSync(RECIPE, "utf8");
  site = replaceOnce(site, "server 127.0.0.1:3000;", `server 127.0.0.1:${portalPort};`);
  site = replaceOnce(site, "listen 80;", `listen 127.0.0.1:${port};`);
  site = replaceOnce(site, "root /srv/pogs/data;", `root ${dataDir};`);
  return site;
}

export type RunningNginx = { url: string; port: number; stop(): Promise<void> };

export async function startNginx(options: {
  dataDir: string;
  portalPort?: number;
  workers?: number;
}): Promise<RunningNginx> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "pogs-nginx-"));
  const port = await freePort();
  for (const d of ["logs", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"])
    mkdirSync(path.join(prefix, d), { recursive: true });
  const site =
    options.portalPort === undefined
      ? `server {\n  listen 127.0.0.1:${port};\n  location / { root ${options.dataDir}; }\n}\n`
      : recipeFor(options.dataDir, options.portalPort, port);
  const conf = `daemon off;
master_process on;
worker_processes ${options.workers ?? 1};
user root;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
  sendfile on;
  tcp_nopush on;
  access_log off;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
${site}
}
`;
  writeFileSync(path.join(prefix, "nginx.conf"), conf);
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited: ${stderr}${readFileSync(path.join(prefix, "logs/error.log"), "utf8")}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

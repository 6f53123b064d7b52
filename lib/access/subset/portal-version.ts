// The portal's version, written into products as PROCVER.
import packageJson from "@/package.json";

export const PORTAL_VERSION: string = packageJson.version;

// One server process of the cross-process test: the page cache in front of a fake Next, on the
// port given, over the DATA_DIR given (tests/cache/page-cache.test.ts).
import http from "node:http";
import { cachedServer } from "./fake-next";

const [dataDir, valueFile, port] = process.argv.slice(2);
const { handler } = cachedServer(dataDir, valueFile);
http.createServer(handler).listen(Number(port), "127.0.0.1", () => process.stdout.write("listening\n"));

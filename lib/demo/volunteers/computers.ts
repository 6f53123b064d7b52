// The demo volunteers' computers, as host.gz lists them: one to three each, of the kinds BOINC
// projects saw around 2013–2026 (Windows desktops mostly, Linux servers, Macs, a few Android
// phones), with their share of the owner's credit. A volunteer shows their computers or not
// (BOINC's show_hosts): host.gz names the owner only when they do. Drawn from each volunteer's own
// stream (their cross-project id), so nothing else in the demo changes.
import { Rng } from "@/lib/demo/random";
import type { DemoUser } from "./population";

export interface DemoComputer {
  id: number;
  userId: number;
  ownerShown: boolean;
  createTime: number;
  /** Share of the owner's credit and RAC computed on this computer. */
  share: number;
  cpuVendor: string;
  cpuModel: string;
  cpuCount: number;
  pFpops: number;
  osName: string;
  osVersion: string;
}

type Kind = { os: string; versions: string[]; cpus: [string, string][]; cores: number[]; gflops: [number, number] };

const INTEL = "GenuineIntel";
const AMD = "AuthenticAMD";
const KINDS: readonly (readonly [Kind, number])[] = [
  [
    {
      os: "Microsoft Windows 11",
      versions: ["Professional x64 Edition, (10.00.22631.00)", "Core x64 Edition, (10.00.26100.00)"],
      cpus: [
        [INTEL, "Intel(R) Core(TM) i7-12700K"],
        [AMD, "AMD Ryzen 9 5950X 16-Core Processor"],
        [INTEL, "Intel(R) Core(TM) i5-13600K"],
      ],
      cores: [8, 12, 16, 20, 32],
      gflops: [4.5, 7],
    },
    40,
  ],
  [
    {
      os: "Microsoft Windows 10",
      versions: ["Professional x64 Edition, (10.00.19045.00)", "Core x64 Edition, (10.00.19045.00)"],
      cpus: [
        [INTEL, "Intel(R) Core(TM) i7-4790 CPU @ 3.60GHz"],
        [AMD, "AMD Ryzen 7 3700X 8-Core Processor"],
        [INTEL, "Intel(R) Core(TM) i5-8400 CPU @ 2.80GHz"],
      ],
      cores: [4, 6, 8, 16],
      gflops: [3, 5.5],
    },
    20,
  ],
  [
    {
      os: "Linux Ubuntu",
      versions: ["Ubuntu 24.04 LTS [6.8.0-45-generic|libc 2.39]", "Ubuntu 22.04.4 LTS [5.15.0-101-generic|libc 2.35]"],
      cpus: [
        [AMD, "AMD EPYC 7543 32-Core Processor"],
        [INTEL, "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz"],
        [AMD, "AMD Ryzen Threadripper 3990X 64-Core Processor"],
      ],
      cores: [16, 28, 32, 56, 64, 128],
      gflops: [3, 6],
    },
    18,
  ],
  [
    {
      os: "Linux Debian",
      versions: ["Debian GNU/Linux 12 (bookworm) [6.1.0-21-amd64|libc 2.36]"],
      cpus: [[INTEL, "Intel(R) Core(TM) i3-10100 CPU @ 3.60GHz"]],
      cores: [4, 8],
      gflops: [4, 5.5],
    },
    6,
  ],
  [
    {
      os: "Darwin",
      versions: ["23.4.0", "24.1.0"],
      cpus: [
        ["Apple", "Apple M1"],
        ["Apple", "Apple M2 Pro"],
      ],
      cores: [8, 10, 12],
      gflops: [5, 7.5],
    },
    10,
  ],
  [
    {
      os: "Android",
      versions: ["Linux Version 4.19.191", "Linux Version 5.10.168"],
      cpus: [["ARM", "ARMv8 Processor rev 1 (v8l)"]],
      cores: [4, 8],
      gflops: [1, 2.5],
    },
    6,
  ],
];

export function drawComputers(users: readonly DemoUser[]): DemoComputer[] {
  const computers: DemoComputer[] = [];
  for (const user of users) {
    const r = Rng.fromHex(user.crossProjectId).child("computers");
    const ownerShown = r.bool(0.6);
    const count = r.weightedChoice([1, 2, 3], [60, 28, 12]);
    const weights = Array.from({ length: count }, () => r.uniform(0.3, 1));
    const total = weights.reduce((a, b) => a + b, 0);
    for (let k = 0; k < count; k++) {
      const kind = r.weightedChoice(
        KINDS.map((x) => x[0]),
        KINDS.map((x) => x[1]),
      );
      const [cpuVendor, cpuModel] = r.choice(kind.cpus);
      computers.push({
        id: 0,
        userId: user.id,
        ownerShown,
        createTime: user.activeFrom + k * Math.round(r.uniform(0, 20) * 86_400),
        share: weights[k] / total,
        cpuVendor,
        cpuModel,
        cpuCount: r.choice(kind.cores),
        pFpops: Math.round(r.uniform(kind.gflops[0], kind.gflops[1]) * 1e9),
        osName: kind.os,
        osVersion: r.choice(kind.versions),
      });
    }
  }
  // Host ids in attach order, as BOINC gives them.
  computers.sort((a, b) => a.createTime - b.createTime || a.userId - b.userId);
  computers.forEach((c, i) => (c.id = i + 1));
  return computers;
}

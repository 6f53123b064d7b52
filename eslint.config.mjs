import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering of docs/architecture.md, kept by the linter: each folder names the
// folders it must not import from. `../` is never used: `@/` for other folders, `./` inside one.
const layers = {
  "lib/**": ["app", "components", "scripts", "tests", "e2e", "bench"],
  "components/**": ["app", "scripts", "tests", "e2e", "bench"],
  "app/**": ["scripts", "tests", "e2e", "bench"],
  // The CLI may run the benches (npm run bench); tests may call route handlers and scripts they test.
  "scripts/**": ["app", "components", "tests", "e2e"],
  "tests/**": ["e2e", "bench"],
  "e2e/**": ["scripts", "tests", "bench"],
  "bench/**": ["app", "scripts", "tests", "e2e"],
};

const restricted = (folders) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["../*", "../**"], message: "Import through @/… from another folder; ./ only inside one folder." },
        ...folders.map((folder) => ({
          group: [`@/${folder}`, `@/${folder}/**`],
          message: `This layer must not import from ${folder}/ (see docs/architecture.md).`,
        })),
      ],
    },
  ],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true } },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  ...Object.entries(layers).map(([files, folders]) => ({ files: [files], rules: restricted(folders) })),
];
export default config;

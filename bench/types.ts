// One figure printed by `npm run bench`.
export type BenchFigure = {
  name: string;
  value: number;
  unit: string;
  /** the target, as text (e.g. "≤ 60 s") */
  target?: string;
  /** whether the target is met, when there is one */
  ok?: boolean;
  note?: string;
};

export type BenchCase = {
  name: string;
  run(): Promise<BenchFigure[]>;
};

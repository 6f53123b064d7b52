// Volunteers write their names in their own script: about half of the demo's Russian, Japanese and
// Chinese volunteers (and their national teams) get theirs in Cyrillic, kanji or hanzi, so the
// portal shows names in every script and the statistics import's text repair runs on real cases.
// Chosen from the name itself, not a random stream, so the rest of the demo is drawn as before.

const CYRILLIC: Record<string, string> = {
  Alexey: "Алексей",
  Dmitry: "Дмитрий",
  Sergey: "Сергей",
  Andrey: "Андрей",
  Ivan: "Иван",
  Mikhail: "Михаил",
  Nikolay: "Николай",
  Olga: "Ольга",
  Elena: "Елена",
  Natalia: "Наталья",
  Vladimir: "Владимир",
  Pavel: "Павел",
  Yuri: "Юрий",
  Tatiana: "Татьяна",
  Ivanov: "Иванов",
  Smirnov: "Смирнов",
  Kuznetsov: "Кузнецов",
  Popov: "Попов",
  Sokolov: "Соколов",
  Lebedev: "Лебедев",
  Kozlov: "Козлов",
  Novikov: "Новиков",
  Morozov: "Морозов",
  Volkov: "Волков",
  Petrov: "Петров",
  Fedorov: "Фёдоров",
  Orlov: "Орлов",
  Zaitsev: "Зайцев",
};

const KANJI: Record<string, string> = {
  Hiroshi: "博",
  Takashi: "隆",
  Kenji: "健二",
  Yuki: "由紀",
  Satoshi: "聡",
  Akira: "明",
  Naoko: "直子",
  Keiko: "恵子",
  Daisuke: "大輔",
  Haruka: "遥",
  Kazuo: "和夫",
  Makoto: "誠",
  Sato: "佐藤",
  Suzuki: "鈴木",
  Takahashi: "高橋",
  Tanaka: "田中",
  Watanabe: "渡辺",
  Ito: "伊藤",
  Yamamoto: "山本",
  Nakamura: "中村",
  Kobayashi: "小林",
  Kato: "加藤",
  Yoshida: "吉田",
  Yamada: "山田",
};

const HANZI: Record<string, string> = {
  Wei: "伟",
  Fang: "芳",
  Lei: "磊",
  Jing: "静",
  Hao: "浩",
  Yan: "燕",
  Jun: "军",
  Ming: "明",
  Chen: "陈",
  Li: "李",
  Hui: "慧",
  Tao: "涛",
  Wang: "王",
  Zhang: "张",
  Liu: "刘",
  Yang: "杨",
  Huang: "黄",
  Zhao: "赵",
  Wu: "吴",
  Zhou: "周",
  Lin: "林",
  Kim: "金",
};

const NATIONAL_TEAMS: Record<string, string> = {
  "Team Russia": "Команда России",
  "Russia National Team": "Сборная России",
  "Team China": "中国队",
  "China National Team": "中国国家队",
  "Team Japan": "チーム日本",
  "Japan National Team": "日本代表",
};

/** A stable coin from the text: the same name always lands the same side. */
function heads(text: string): boolean {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h % 2 === 0;
}

export function nativeUserName(name: string, country: string | null): string {
  const words = /^(\S+) (\S+)$/.exec(name);
  if (!words || !heads(name)) return name;
  const [, first, last] = words;
  if (country === "Russia" && CYRILLIC[first] && CYRILLIC[last]) return `${CYRILLIC[first]} ${CYRILLIC[last]}`;
  // Family name first, without a space, as Japanese and Chinese names are written.
  if (country === "Japan" && KANJI[first] && KANJI[last]) return `${KANJI[last]}${KANJI[first]}`;
  if ((country === "China" || country === "Taiwan") && HANZI[first] && HANZI[last])
    return `${HANZI[last]}${HANZI[first]}`;
  return name;
}

export function nativeTeamName(name: string): string {
  return NATIONAL_TEAMS[name] ?? name;
}

// Word lists for plausible volunteer and team names and BOINC countries (spelt as BOINC's
// html/inc/countries.inc spells them). Invented combinations; any likeness is coincidence.

/** BOINC country names and their rough share of volunteers (US and Europe dominate; POGS is Australian). */
export const COUNTRY_WEIGHTS: readonly (readonly [string | null, number])[] = [
  ["United States", 22], ["Germany", 14], [null, 9], ["United Kingdom", 6.5], ["Australia", 5], ["France", 5], ["Russia", 5],
  ["Japan", 3.5], ["Canada", 3], ["Netherlands", 2.5], ["Italy", 2.5], ["Poland", 2.5], ["Spain", 2], ["Czech Republic", 1.5],
  ["China", 1.5], ["Brazil", 1.2], ["Sweden", 1], ["Belgium", 1], ["Austria", 1], ["Switzerland", 1], ["Finland", 0.8],
  ["Hungary", 0.8], ["Ukraine", 0.8], ["New Zealand", 0.8], ["Denmark", 0.7], ["Norway", 0.7], ["Taiwan", 0.6], ["India", 0.6],
  ["Korea, South", 0.5], ["Slovakia", 0.5], ["Portugal", 0.5], ["Greece", 0.5], ["Argentina", 0.4], ["Mexico", 0.4],
  ["Ireland", 0.4], ["South Africa", 0.3], ["International", 0.3],
];

type Names = { readonly first: readonly string[]; readonly last: readonly string[] };

const ENGLISH: Names = {
  first: ["James", "Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "David", "Sarah", "Richard", "Emma", "Thomas", "Laura", "Mark", "Helen", "Paul", "Claire", "Steven", "Rachel", "Andrew", "Kate", "Brian", "Jenny", "Kevin", "Alison", "Gary", "Megan", "Peter", "Lucy", "Ian", "Fiona", "Neil", "Tracy", "Craig", "Joanne"],
  last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clarke", "Walker", "Wright", "Robinson", "Hughes", "Edwards", "Green", "Hall", "Wood", "Turner", "Baker", "Campbell", "Kelly", "Murphy", "Stewart", "Mitchell", "Cooper", "Ward", "Reid", "Fraser"],
};
const GERMAN: Names = {
  first: ["Thomas", "Andreas", "Michael", "Stefan", "Frank", "Jürgen", "Uwe", "Klaus", "Sabine", "Petra", "Monika", "Claudia", "Jens", "Holger", "Dirk", "Markus", "Tobias", "Katrin", "Anja", "Wolfgang", "Bernd", "Heike", "Ralf", "Sven"],
  last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause"],
};
const FRENCH: Names = {
  first: ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Sylvie", "Nathalie", "Isabelle", "Sophie", "Olivier", "Laurent", "Julien", "Céline", "Thierry"],
  last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Fournier"],
};
const RUSSIAN: Names = {
  first: ["Alexey", "Dmitry", "Sergey", "Andrey", "Ivan", "Mikhail", "Nikolay", "Olga", "Elena", "Natalia", "Vladimir", "Pavel", "Yuri", "Tatiana"],
  last: ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Volkov", "Petrov", "Fedorov", "Orlov", "Zaitsev"],
};
const JAPANESE: Names = {
  first: ["Hiroshi", "Takashi", "Kenji", "Yuki", "Satoshi", "Akira", "Naoko", "Keiko", "Daisuke", "Haruka", "Kazuo", "Makoto"],
  last: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada"],
};
const DUTCH: Names = {
  first: ["Jan", "Pieter", "Henk", "Kees", "Willem", "Sander", "Marieke", "Anke", "Joost", "Bas", "Ruud", "Ingrid"],
  last: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos"],
};
const ITALIAN: Names = {
  first: ["Marco", "Giuseppe", "Luca", "Andrea", "Francesca", "Giulia", "Alessandro", "Paolo", "Roberto", "Chiara", "Stefano", "Elena"],
  last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"],
};
const POLISH: Names = {
  first: ["Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Anna", "Katarzyna", "Michał", "Agnieszka", "Jakub", "Łukasz", "Magdalena"],
  last: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski"],
};
const SPANISH: Names = {
  first: ["Antonio", "José", "Manuel", "Francisco", "Javier", "Carmen", "María", "Lucía", "David", "Pablo", "Sergio", "Marta", "João", "Ana", "Pedro", "Rafael"],
  last: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Silva", "Santos", "Oliveira", "Costa", "Ferreira", "Ruiz", "Díaz"],
};
const NORDIC: Names = {
  first: ["Lars", "Anders", "Erik", "Johan", "Mikael", "Ingrid", "Karin", "Jukka", "Mikko", "Sanna", "Ole", "Henrik", "Nils", "Astrid"],
  last: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Hansen", "Jensen", "Larsen", "Virtanen", "Korhonen", "Nieminen", "Olsen", "Lindqvist", "Berg", "Dahl"],
};
const CZECH_SLAVIC: Names = {
  first: ["Jan", "Petr", "Martin", "Tomáš", "Jiří", "Pavel", "Lukáš", "Eva", "Jana", "Zoltán", "László", "Oleksandr", "Andriy", "Marek"],
  last: ["Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Nagy", "Kovács", "Tóth", "Shevchenko", "Bondarenko", "Horváth", "Kováč"],
};
const CHINESE: Names = {
  first: ["Wei", "Fang", "Lei", "Jing", "Hao", "Yan", "Jun", "Ming", "Chen", "Li", "Hui", "Tao"],
  last: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Lin", "Kim"],
};

export function namesFor(country: string | null): Names {
  switch (country) {
    case "Germany":
    case "Austria":
    case "Switzerland":
      return GERMAN;
    case "France":
    case "Belgium":
      return FRENCH;
    case "Russia":
      return RUSSIAN;
    case "Japan":
      return JAPANESE;
    case "Netherlands":
      return DUTCH;
    case "Italy":
      return ITALIAN;
    case "Poland":
      return POLISH;
    case "Spain":
    case "Brazil":
    case "Portugal":
    case "Argentina":
    case "Mexico":
      return SPANISH;
    case "Sweden":
    case "Finland":
    case "Denmark":
    case "Norway":
      return NORDIC;
    case "Czech Republic":
    case "Slovakia":
    case "Hungary":
    case "Ukraine":
      return CZECH_SLAVIC;
    case "China":
    case "Taiwan":
    case "Korea, South":
      return CHINESE;
    default:
      return ENGLISH;
  }
}

export const HANDLE_WORDS = {
  adjective: ["Cosmic", "Stellar", "Galactic", "Silent", "Dark", "Red", "Blue", "Spiral", "Quantum", "Lazy", "Old", "Mad", "Deep", "Orbital", "Nebular", "Radiant", "Wandering", "Binary", "Little", "Grumpy", "Happy", "Iron", "Polar", "Solar"],
  noun: ["Cruncher", "Photon", "Nebula", "Quasar", "Pulsar", "Comet", "Voyager", "Owl", "Badger", "Wombat", "Kangaroo", "Falcon", "Penguin", "Walrus", "Dragon", "Tiger", "Wolf", "Fox", "Gecko", "Horizon", "Parsec", "Redshift", "Cepheid", "Magellan"],
  astro: ["Andromeda", "Orion", "Sirius", "Vega", "Rigel", "Betelgeuse", "Hubble", "Kepler", "Halley", "Messier", "Herschel", "Cassini", "Galileo", "Tycho", "Copernicus", "Sagan", "Lyra", "Cygnus", "Centauri", "Pleiades"],
};

/** Team type ids (BOINC html/inc/team_types.inc) and their rough frequency among teams. */
export const TEAM_TYPE_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 30], [2, 6], [3, 1], [4, 3], [5, 2], [6, 10], [7, 2], [8, 6], [9, 20], [10, 8], [11, 7], [12, 5],
];

export const TEAM_WORDS = {
  adjective: ["Cosmic", "Stellar", "Galactic", "Dutch", "Flying", "Mighty", "Electric", "Infinite", "Crimson", "Silver", "Midnight", "Southern", "Northern", "Free", "Amateur", "Friendly", "Overclocked", "Green"],
  noun: ["Crunchers", "Power Cows", "Dragons", "Knights", "Alliance", "Collective", "Explorers", "Nomads", "Observers", "Guild", "Legion", "Society", "Club", "Crew", "Owls", "Falcons", "Penguins", "Rangers"],
  place: ["Berlin", "Munich", "Perth", "Sydney", "Melbourne", "Toronto", "Boston", "Seattle", "Leeds", "Manchester", "Lyon", "Prague", "Kraków", "Osaka", "Utrecht", "Bologna", "Vienna", "Zürich", "Helsinki", "Oslo", "Auckland", "Austin", "Denver", "Hamburg"],
  hardware: ["Linux Users", "Raspberry Pi Cluster", "Overclockers", "Mac Users", "Ryzen Farm", "Xeon Herders", "Silent PC", "Old Laptops", "Home Lab", "Quad-Core Club"],
  company: ["Systems", "Labs", "Networks", "Data", "Software", "Engineering", "Consulting", "Solutions"],
  cause: ["Citizen Science", "Science for All", "Open Knowledge", "Astronomy Outreach", "Star Party", "Planetarium Friends"],
};

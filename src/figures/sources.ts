import type { Source } from "./types";

/**
 * The five articles the dataset is built from (copies in `sources/` at the repository root).
 * Only one of them carries a date; the others are dated by what they say, in `dateNote`.
 */
export const SOURCES: readonly Source[] = [
  {
    id: "src.techcrunch_recap",
    title: "Amazon's Potential $50B Investment in OpenAI: Reshaping the AI Landscape",
    date: "2026-02-01",
    dateNote: "dated Feb 1, 2026",
    cites: "a report from TechCrunch",
    file: "000_16c42e3ef7e68612.txt",
  },
  {
    id: "src.late_january_reports",
    title: "Reports circulating in late January 2026 indicate that Amazon is engaged in discussions…",
    date: null,
    dateNote: "undated; describes reports circulating in late January 2026",
    cites: "reports circulating in late January 2026 (no outlet named)",
    file: "001_29584ca3b7068942.txt",
  },
  {
    id: "src.wsj_advanced_talks",
    title: "Amazon in Advanced Talks to Invest Up to $50 Billion in OpenAI, Signaling Major AI Ambitions",
    date: null,
    dateNote: "undated; written while the talks were ongoing",
    cites: "first reported by The Wall Street Journal; people familiar with the matter",
    file: "002_7dabeab3d76e7262.txt",
  },
  {
    id: "src.stake_talks",
    title: "Amazon in talks for up to $50B stake in OpenAI",
    date: null,
    dateNote: "undated; written while the talks were ongoing",
    cites: "people familiar with the matter",
    file: "003_27facdf7f722c302.txt",
  },
  {
    id: "src.announcement",
    title: "Amazon has announced a $50 billion investment in OpenAI…",
    date: null,
    dateNote: "undated; written after the announcement",
    cites: "a joint statement by Amazon and OpenAI",
    file: "004_73e8f6130a0ffad2.txt",
  },
];

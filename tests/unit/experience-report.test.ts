import { describe, expect, test } from "vitest";
import { SUGGESTION_STATUSES } from "#db/schema";
import {
  bayesianAverage,
  bestRatedId,
  isValidScore,
  PRIOR_MEAN,
  ratingRefusal,
  summarizeRatings,
} from "~/features/ratings/experience-report";

const rating = (scores: number[]) => summarizeRatings(scores.map((score) => ({ score, count: 1 })));

describe("ratingRefusal", () => {
  const involvement = [
    { isAuthor: true, isCoAuthor: false, isVoter: false },
    { isAuthor: false, isCoAuthor: true, isVoter: false },
    { isAuthor: false, isCoAuthor: false, isVoter: true },
    { isAuthor: true, isCoAuthor: true, isVoter: true },
  ];
  const outsider = { isAuthor: false, isCoAuthor: false, isVoter: false };

  test.each(involvement)("the author, a co-author or a voter may rate a shipped suggestion (%o)", (who) => {
    expect(ratingRefusal({ status: "shipped", ...who })).toBeNull();
  });

  test("someone who did not ask for it may not", () => {
    expect(ratingRefusal({ status: "shipped", ...outsider })).toBe("not_involved");
  });

  test.each(SUGGESTION_STATUSES.filter((s) => s !== "shipped"))("nobody rates a %s suggestion", (status) => {
    for (const who of [...involvement, outsider]) expect(ratingRefusal({ status, ...who })).toBe("not_shipped");
  });
});

describe("isValidScore", () => {
  test.each([1, 2, 3, 4, 5])("%d is a score", (n) => expect(isValidScore(n)).toBe(true));
  test.each([0, 6, -1, 2.5, Number.NaN, Infinity])("%d is not", (n) => expect(isValidScore(n)).toBe(false));
});

describe("summarizeRatings", () => {
  test("no ratings: no average", () => {
    expect(rating([])).toEqual({ average: null, count: 0, distribution: [0, 0, 0, 0, 0] });
  });

  test("average, count and how many of each score", () => {
    expect(rating([5, 4, 4, 1])).toEqual({ average: 3.5, count: 4, distribution: [1, 0, 0, 2, 1] });
  });

  test("counted by score, as the database gives them", () => {
    const tallies = [{ score: 4, count: 2 }, { score: 1, count: 1 }, { score: 5, count: 1 }];
    expect(summarizeRatings(tallies)).toEqual({ average: 3.5, count: 4, distribution: [1, 0, 0, 2, 1] });
  });
});

describe("bestRatedId", () => {
  test("a feature without ratings is neutral under the prior", () => {
    expect(bayesianAverage(rating([]))).toBe(PRIOR_MEAN);
  });

  test("many good ratings beat one perfect rating", () => {
    const many = rating([5, 5, 5, 4, 5, 4, 5, 5, 4, 5, 5, 4, 5, 5, 5, 4, 5, 5, 4, 5]);
    expect(many.average).toBeCloseTo(4.7);
    expect(bestRatedId([{ id: 1, rating: rating([5]) }, { id: 2, rating: many }])).toBe(2);
  });

  test("with equal counts the higher average wins", () => {
    expect(bestRatedId([{ id: 1, rating: rating([3, 4]) }, { id: 2, rating: rating([5, 4]) }, { id: 3, rating: rating([2, 2]) }])).toBe(2);
  });

  test("unrated features are never best rated", () => {
    expect(bestRatedId([{ id: 1, rating: rating([]) }, { id: 2, rating: rating([]) }])).toBeNull();
    expect(bestRatedId([{ id: 1, rating: rating([]) }, { id: 2, rating: rating([2]) }])).toBe(2);
    expect(bestRatedId([])).toBeNull();
  });

  test("ties go to more ratings, then to the older feature", () => {
    // Identical ratings tie exactly: the older (lower id) feature wins.
    expect(bestRatedId([{ id: 7, rating: rating([4, 4]) }, { id: 3, rating: rating([4, 4]) }])).toBe(3);
    // 5 ratings averaging 3 and 1 rating of 3 both give the prior exactly; more ratings win.
    expect(bestRatedId([{ id: 1, rating: rating([3]) }, { id: 2, rating: rating([3, 3, 3, 3, 3]) }])).toBe(2);
  });
});

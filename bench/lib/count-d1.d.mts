export function countingD1(d1: D1Database): { d1: D1Database; counter: { queries: number; batches: number } };

/** The keys of a catalogue part, each holding a sentence: what its translation must have. */
export type ShapeOf<T> = { [K in keyof T]: T[K] extends string ? string : ShapeOf<T[K]> };

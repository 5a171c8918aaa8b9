// The log's reads of the whole log and its writes in bulk: the second half of its door (see log.ts,
// which holds what Home and the rating need), and the blocks.
//
// A block holds up to BLOCK_SIZE ratings packed into one Float64Array, for ratings that come in bulk
// (an import). IndexedDB stores 100,000 records no faster than 4.7 s on this machine
// (scripts/bench/idb-floor.ts), while 100 blocks of 1,000 ratings took 0.6-0.8 s
// (scripts/bench/log-shapes.ts), so an imported log is kept in blocks. A rating given in the app is
// still one row of its own: rewriting a block on every rating cost 14-25 ms (log-shapes again).
// Home loads this file only when the log has blocks (log.ts): a first visit does without its bytes.
import type { IndexableType } from 'dexie';
import type { Finding, QuarantineEntry } from '../domain/integrity/repair';
import type { CardState, Rating } from '../domain/scheduling/card';
import { reportDamage } from './damage';
import type { CstoDb, ReviewRow } from './db';
import { byTime, logTables } from './log';
import { readInPages, type PagedRead } from './pages';

/**
 * A block's head (the `reviewBlocks` table): what its ratings' ids and times are, read without their
 * other fields. Home's streak reads heads only: their times take a twelfth of a block's bytes.
 */
export interface ReviewBlockHead {
	id?: number;
	/** The lowest and highest id of its ratings. */
	firstId: number;
	lastId: number;
	/** How many ratings it holds. */
	n: number;
	/** The earliest and latest `reviewedAt` of its ratings. */
	from: number;
	to: number;
	/** Each rating's `reviewedAt`, in id order. */
	times: Float64Array;
}

/** A block's ratings (the `reviewBlockLogs` table, under its head's id). */
export interface ReviewBlockLog {
	id: number;
	/** The cards its ratings are for, each once; a rating names its card by its place here. */
	cardIds: string[];
	/** STRIDE numbers a rating, in id order. */
	log: Float64Array;
}

/** A whole block, head and ratings, as the code here handles it. */
export type ReviewBlockRow = ReviewBlockHead & Omit<ReviewBlockLog, 'id'>;

/** Ratings a block holds at most: half of the import's chunk (backup.ts), so its blocks are full. */
export const BLOCK_SIZE = 2500;

// A rating's numbers, in their order in the block: id, card (its card's place in `cardIds`),
// rating, stateBefore, dueBefore (NaN for null), stability, difficulty, elapsedDays, scheduledDays,
// reviewedAt, durationMs, source (0 for 'review', 1 for 'quiz').
export const STRIDE = 12;
export const ID = 0;
export const AT = 9;

// Not `instanceof`: a Float64Array read back may come from another realm (a test's IndexedDB).
const isFloats = (value: unknown) =>
	Object.prototype.toString.call(value) === '[object Float64Array]';

/**
 * Whether a stored block has the shape `packBlock` gives (a block damaged on the device, or written
 * by other code, is not read as ratings).
 */
export function isBlock(value: unknown): value is ReviewBlockRow {
	if (typeof value !== 'object' || value === null) return false;
	const block = value as Partial<ReviewBlockRow>;
	return (
		isFloats(block.log) &&
		Array.isArray(block.cardIds) &&
		Number.isSafeInteger(block.n) &&
		block.log!.length === block.n! * STRIDE
	);
}

/**
 * The ratings of a block, in id order, as rows; only those `keep(id, reviewedAt)` accepts when it
 * is given. A rating naming no card of the block gets the card id '' (the validator then reports it).
 */
export function unpackBlock(
	block: ReviewBlockRow,
	keep?: (id: number, reviewedAt: number) => boolean
): ReviewRow[] {
	const { log, cardIds } = block;
	const rows: ReviewRow[] = [];
	for (let at = 0; at < log.length; at += STRIDE) {
		if (keep && !keep(log[at + ID]!, log[at + AT]!)) continue;
		const dueBefore = log[at + 4]!;
		rows.push({
			id: log[at]!,
			cardId: cardIds[log[at + 1]!] ?? '',
			rating: log[at + 2] as Rating,
			stateBefore: log[at + 3] as CardState,
			dueBefore: Number.isNaN(dueBefore) ? null : dueBefore,
			stability: log[at + 5]!,
			difficulty: log[at + 6]!,
			elapsedDays: log[at + 7]!,
			scheduledDays: log[at + 8]!,
			reviewedAt: log[at + 9]!,
			durationMs: log[at + 10]!,
			source: log[at + 11] === 1 ? 'quiz' : 'review'
		});
	}
	return rows;
}

/** The ids of a block's ratings. */
export function blockIds(block: ReviewBlockRow): number[] {
	const ids: number[] = [];
	for (let at = ID; at < block.log.length; at += STRIDE) ids.push(block.log[at]!);
	return ids;
}

/** Whether a stored head can be read: its times, one for each of its ratings. */
function isHead(value: unknown): value is ReviewBlockHead {
	const head = value as Partial<ReviewBlockHead> | undefined;
	return isFloats(head?.times) && head!.times!.length === head!.n;
}

/**
 * A stored block that cannot be read as ratings (damaged on the device, or half written by other
 * code): what is stored under its id in each of the two tables, and what is wrong.
 */
export interface DamagedBlock {
	id: number;
	/** Its head (`reviewBlocks`) and its ratings (`reviewBlockLogs`) as stored; undefined if missing. */
	head: unknown;
	ratings: unknown;
	problem: string;
}

/** The block of `head` and `ratings` (either may be missing), or what is wrong with it. */
function joinBlock(id: number, head: unknown, ratings: unknown): ReviewBlockRow | DamagedBlock {
	const whole = { ...(ratings as object), ...(head as object) };
	// Readable when its ratings are (the head's times, which only Home's streak reads, may not be).
	if (head !== undefined && ratings !== undefined && isBlock(whole)) return whole;
	const n = (head as Partial<ReviewBlockHead> | undefined)?.n;
	const held = Number.isSafeInteger(n) ? ` It held ${n} ratings.` : '';
	const problem =
		head === undefined
			? 'its ratings are stored without the record of their ids and times.'
			: ratings === undefined
				? 'the record that holds its ratings is missing.'
				: 'it is not stored in the shape the app writes, so its ratings cannot be read.';
	return { id, head, ratings, problem: problem + held };
}

const isDamaged = (block: ReviewBlockRow | DamagedBlock): block is DamagedBlock =>
	'problem' in block;

/** Tells the app (which runs Check database then) of a damaged block a read left out. */
function reportBlock(db: CstoDb, block: DamagedBlock): void {
	reportDamage(db, { table: 'reviews', key: blockKey(block.id), problem: block.problem });
}

/** How a damaged block is named in the quarantine table and in Check database's report. */
const blockKey = (id: number) => `block ${id}`;

/**
 * The whole blocks of these heads (their ratings read from `reviewBlockLogs`), the readable ones;
 * a damaged one is reported (see reportDamage) and left out.
 */
export async function joinBlocks(
	db: CstoDb,
	heads: readonly (ReviewBlockHead | undefined)[]
): Promise<ReviewBlockRow[]> {
	const known = heads.filter((head): head is ReviewBlockHead => head !== undefined);
	const logs = await db.reviewBlockLogs.bulkGet(known.map((head) => head.id!));
	const blocks: ReviewBlockRow[] = [];
	known.forEach((head, i) => {
		const block = joinBlock(head.id!, head, logs[i]);
		if (isDamaged(block)) reportBlock(db, block);
		else blocks.push(block);
	});
	return blocks;
}

/**
 * Every stored block: the readable ones, in id order, and the damaged ones (a head without its
 * ratings, ratings without their head, or either in a shape the app does not write).
 */
async function readBlocks(
	db: CstoDb
): Promise<{ blocks: ReviewBlockRow[]; damaged: DamagedBlock[] }> {
	const [heads, logs] = await Promise.all([
		db.reviewBlocks.toArray(),
		db.reviewBlockLogs.toArray()
	]);
	const logById = new Map<number, unknown>(logs.map((log) => [log.id, log]));
	const blocks: ReviewBlockRow[] = [];
	const damaged: DamagedBlock[] = [];
	for (const head of heads) {
		const block = joinBlock(head.id!, head, logById.get(head.id!));
		logById.delete(head.id!);
		if (isDamaged(block)) damaged.push(block);
		else blocks.push(block);
	}
	for (const [id, ratings] of logById)
		damaged.push(joinBlock(id, undefined, ratings) as DamagedBlock);
	return { blocks, damaged };
}

/** A damaged block's original, for the quarantine table or a backup's quarantine list. */
export function quarantineBlock(block: DamagedBlock, now: number): QuarantineEntry {
	return {
		table: 'reviews',
		key: blockKey(block.id),
		row: { head: block.head, ratings: block.ratings },
		problem: block.problem,
		action: 'set aside',
		quarantinedAt: now
	};
}

/** What Check database reports for a damaged block it set aside. */
export function blockFinding(block: DamagedBlock): Finding {
	return {
		table: 'reviews',
		key: blockKey(block.id),
		problem: block.problem,
		action: 'set aside',
		outcome: 'its ratings no longer count in your stats or in their cards’ histories'
	};
}

/** Deletes these blocks, head and ratings (inside the caller's transaction). */
export async function deleteBlocks(db: CstoDb, ids: readonly number[]): Promise<void> {
	await Promise.all([
		db.reviewBlocks.bulkDelete([...ids]),
		db.reviewBlockLogs.bulkDelete([...ids])
	]);
}

/** Stores whole blocks, each as its head and its ratings (a new id where it has none). */
async function putBlocks(db: CstoDb, blocks: readonly ReviewBlockRow[]): Promise<void> {
	const heads = blocks.map(({ cardIds: _c, log: _l, ...head }) => head);
	const ids = await db.reviewBlocks.bulkPut(heads, { allKeys: true });
	await db.reviewBlockLogs.bulkPut(
		blocks.map(({ cardIds, log }, i) => ({ id: ids[i] as number, cardIds, log }))
	);
}

/** The ratings in the blocks of `heads` given from `start` (included) to `end` (excluded). */
export async function ratingsBetween(
	db: CstoDb,
	heads: readonly ReviewBlockHead[],
	start: number,
	end: number
): Promise<ReviewRow[]> {
	const blocks = await joinBlocks(
		db,
		heads.filter((head) => head.from < end && head.to >= start)
	);
	return blocks.flatMap((block) => unpackBlock(block, (_, at) => at >= start && at < end));
}

/**
 * How many ratings of `blocks` each range `[start, end)` holds (0 for an empty one). Each rating's
 * time is looked up among the ranges' starts (the streak asks for up to 512 days at a time): no
 * array of all the times is made or sorted. Ranges that overlap are counted one by one instead.
 */
export function countInRanges(
	heads: readonly unknown[],
	ranges: readonly (readonly [number, number])[]
): number[] {
	const counts = ranges.map(() => 0);
	const order = [...ranges.keys()]
		.filter((i) => ranges[i]![0] < ranges[i]![1])
		.sort((a, b) => ranges[a]![0] - ranges[b]![0]);
	const starts = order.map((i) => ranges[i]![0]);
	const ends = order.map((i) => ranges[i]![1]);
	const overlap = ends.some((end, k) => k + 1 < starts.length && end > starts[k + 1]!);
	for (const head of heads.filter(isHead)) {
		for (const time of head.times) {
			if (overlap) {
				order.forEach((i, k) => {
					if (time >= starts[k]! && time < ends[k]!) counts[i]!++;
				});
				continue;
			}
			// The last range starting at or before `time`.
			let lo = 0;
			let hi = starts.length;
			while (lo < hi) {
				const mid = (lo + hi) >>> 1;
				if (starts[mid]! <= time) lo = mid + 1;
				else hi = mid;
			}
			if (lo > 0 && time < ends[lo - 1]!) counts[order[lo - 1]!]!++;
		}
	}
	return counts;
}

/** Every table the app keeps, the log's among them: for the transactions that may change any. */
export function everyTable(db: CstoDb) {
	return [db.cards, ...logTables(db), db.quizAttempts, db.settings, db.quarantine, db.summaries];
}

const byId = (a: ReviewRow, b: ReviewRow) => a.id! - b.id!;

const NUMBER_FIELDS = [
	'rating',
	'stateBefore',
	'stability',
	'difficulty',
	'elapsedDays',
	'scheduledDays',
	'reviewedAt',
	'durationMs'
] as const;
const ROW_KEYS = new Set<string>([...NUMBER_FIELDS, 'id', 'cardId', 'dueBefore', 'source']);

/**
 * Whether a block gives `row` back exactly as it is: an id that is a positive whole number, a card
 * id, numbers where the log has numbers, `dueBefore` a number (not NaN) or null, a known source,
 * and no other field. Anything else (a damaged row) is stored as a row of its own, as it came, so
 * that the validator and Check database see it as it is.
 */
export function fitsBlock(row: ReviewRow): boolean {
	if (!Number.isSafeInteger(row.id) || row.id! <= 0 || typeof row.cardId !== 'string') return false;
	for (const field of NUMBER_FIELDS) if (typeof row[field] !== 'number') return false;
	if (row.dueBefore !== null && (typeof row.dueBefore !== 'number' || Number.isNaN(row.dueBefore)))
		return false;
	if (row.source !== 'review' && row.source !== 'quiz') return false;
	for (const key of Object.keys(row)) if (!ROW_KEYS.has(key)) return false;
	return true;
}

/** Packs ratings that fit a block (`fitsBlock`), given in id order, into one block. */
export function packBlock(sorted: readonly ReviewRow[]): ReviewBlockRow {
	const cardIds: string[] = [];
	const places = new Map<string, number>();
	const log = new Float64Array(sorted.length * STRIDE);
	const times = new Float64Array(sorted.length);
	let from = Infinity;
	let to = -Infinity;
	sorted.forEach((row, i) => {
		let place = places.get(row.cardId);
		if (place === undefined) {
			place = cardIds.push(row.cardId) - 1;
			places.set(row.cardId, place);
		}
		const at = i * STRIDE;
		log[at] = row.id!;
		log[at + 1] = place;
		log[at + 2] = row.rating;
		log[at + 3] = row.stateBefore;
		log[at + 4] = row.dueBefore ?? NaN;
		log[at + 5] = row.stability;
		log[at + 6] = row.difficulty;
		log[at + 7] = row.elapsedDays;
		log[at + 8] = row.scheduledDays;
		log[at + 9] = row.reviewedAt;
		log[at + 10] = row.durationMs;
		log[at + 11] = row.source === 'quiz' ? 1 : 0;
		times[i] = row.reviewedAt;
		from = Math.min(from, row.reviewedAt);
		to = Math.max(to, row.reviewedAt);
	});
	return {
		firstId: sorted[0]!.id!,
		lastId: sorted.at(-1)!.id!,
		n: sorted.length,
		from,
		to,
		times,
		cardIds,
		log
	};
}

/**
 * Every rating of one card, oldest first. No page asks for it (the schema's renames and tests do):
 * the blocks are read whole rather than kept in an index of their cards, which cost the import of
 * 100,000 ratings as many index entries.
 */
export async function listReviewsOfCard(db: CstoDb, cardId: string): Promise<ReviewRow[]> {
	const [rows, blocks] = await Promise.all([
		db.reviews.where('cardId').equals(cardId).toArray(),
		listBlocks(db)
	]);
	const inBlocks = blocks
		.filter((block) => block.cardIds.includes(cardId))
		.flatMap((block) => unpackBlock(block).filter((row) => row.cardId === cardId));
	return [...rows, ...inBlocks].sort(byTime);
}

/** Every readable block, whole; a damaged one is reported (see reportDamage) and left out. */
async function listBlocks(db: CstoDb): Promise<ReviewBlockRow[]> {
	const { blocks, damaged } = await readBlocks(db);
	for (const block of damaged) reportBlock(db, block);
	return blocks;
}

/**
 * Every rating that can be read, in id order (the order they were stored in), and the blocks that
 * cannot be read (not reported: the caller, Check database or an export, sets them aside).
 */
export async function readAllReviews(
	db: CstoDb
): Promise<{ reviews: ReviewRow[]; damagedBlocks: DamagedBlock[] }> {
	const [rows, { blocks, damaged }] = await Promise.all([db.reviews.toArray(), readBlocks(db)]);
	const inBlocks = blocks.flatMap((block) => unpackBlock(block));
	return {
		reviews: inBlocks.length === 0 ? rows : [...inBlocks, ...rows].sort(byId),
		damagedBlocks: damaged
	};
}

/** Every rating that can be read, in id order; a damaged block is reported and left out. */
export async function listAllReviews(db: CstoDb): Promise<ReviewRow[]> {
	const { reviews, damagedBlocks } = await readAllReviews(db);
	for (const block of damagedBlocks) reportBlock(db, block);
	return reviews;
}

/**
 * Hands every rating to `onPage`, in id order, about `pageSize` at a time, each page asked for
 * before `onPage` gets the one before (`readInPages`): an export of 100,000 rows writes its file
 * while the database reads. A log with blocks is read whole (its blocks hold a twelfth of the rows'
 * bytes) and handed on in pages. Resolves to the blocks that cannot be read (for the caller to set
 * aside).
 */
export async function readLogInPages(
	db: CstoDb,
	pageSize: number,
	onPage: (page: ReviewRow[]) => void
): Promise<DamagedBlock[]> {
	const [heads, logs] = await Promise.all([db.reviewBlocks.count(), db.reviewBlockLogs.count()]);
	if (heads + logs > 0) {
		const { reviews, damagedBlocks } = await readAllReviews(db);
		for (let start = 0; start < reviews.length; start += pageSize) {
			onPage(reviews.slice(start, start + pageSize));
		}
		return damagedBlocks;
	}
	await readInPages(
		db.reviews,
		undefined,
		pageSize,
		(row) => row.id!,
		(page) => {
			if (page.length > 0) onPage(page);
			return [];
		}
	);
	return [];
}

/** Every rating, in time order. */
export async function listReviewsByTime(db: CstoDb): Promise<ReviewRow[]> {
	const [rows, inBlocks] = await Promise.all([
		db.reviews.orderBy('reviewedAt').toArray(),
		listBlocks(db)
	]);
	if (inBlocks.length === 0) return rows;
	return [...inBlocks.flatMap((block) => unpackBlock(block)), ...rows].sort(byTime);
}

/**
 * The ratings with an id above `after`, in id order, read about `pageSize` at a time; `keep` checks
 * each page and gives the rows to keep (see `readInPages`).
 */
export async function readReviewsAfter(
	db: CstoDb,
	after: number,
	pageSize: number,
	keep: (page: ReviewRow[]) => ReviewRow[]
): Promise<PagedRead<ReviewRow, number>> {
	const keys = await db.reviewBlocks.where('[lastId+n]').above([after, Infinity]).primaryKeys();
	const kept: ReviewRow[] = [];
	let read = 0;
	let lastKey: number | undefined;
	const blocksPerPage = Math.max(1, Math.floor(pageSize / BLOCK_SIZE));
	for (let i = 0; i < keys.length; i += blocksPerPage) {
		const heads = await db.reviewBlocks.bulkGet(keys.slice(i, i + blocksPerPage));
		const blocks = await joinBlocks(db, heads);
		const page = blocks.flatMap((block) => unpackBlock(block, (id) => id > after));
		read += page.length;
		for (const row of page) lastKey = Math.max(lastKey ?? row.id!, row.id!);
		kept.push(...keep(page));
	}
	const rows = await readInPages(db.reviews, after, pageSize, (row) => row.id!, keep);
	if (keys.length === 0) return rows;
	kept.push(...rows.rows);
	const lastRow = rows.lastKey ?? after;
	return {
		rows: kept.sort(byId),
		read: read + rows.read,
		lastKey: lastKey === undefined ? lastRow : Math.max(lastKey, lastRow)
	};
}

/** The highest id the log holds, rows and blocks (0 when it is empty). */
async function highestId(db: CstoDb): Promise<number> {
	const [row, block] = await Promise.all([
		db.reviews.where(':id').below(Infinity).reverse().limit(1).primaryKeys(),
		db.reviewBlocks.orderBy('[lastId+n]').reverse().limit(1).keys()
	]);
	const lastRow = row[0] as number | undefined;
	const lastBlock = (block[0] as unknown as [number, number] | undefined)?.[0];
	return Math.max(0, lastRow ?? 0, lastBlock ?? 0);
}

/** IndexedDB's own error for a key already stored, as `bulkAdd` gave when the log was only rows. */
function keyTaken(id: unknown): DOMException {
	return new DOMException(
		`The log already holds a rating with the id ${String(id)}.`,
		'ConstraintError'
	);
}

/**
 * Adds ratings in bulk, each under the id it has, or a new one (after every stored id) where it has
 * none; an id the log already holds is refused (ConstraintError), as IndexedDB refuses it. Those
 * numbered after every stored rating go into blocks, BLOCK_SIZE at a time; a rating a block cannot
 * give back exactly (`fitsBlock`: a damaged one) and one numbered below the log's highest id are
 * stored as rows. New ratings given in the app are then numbered after all of them.
 */
export async function addReviews(db: CstoDb, rows: readonly ReviewRow[]): Promise<void> {
	if (rows.length === 0) return;
	const highest = await highestId(db);
	let next = highest;
	for (const row of rows) if (typeof row.id === 'number' && row.id > next) next = row.id;
	const seen = new Set<unknown>();
	const asRows: ReviewRow[] = [];
	const toBlock: ReviewRow[] = [];
	for (const given of rows) {
		const row = given.id === undefined ? { ...given, id: ++next } : given;
		if (seen.has(row.id)) throw keyTaken(row.id);
		seen.add(row.id);
		if (typeof row.id === 'number' && row.id > highest && fitsBlock(row)) toBlock.push(row);
		else asRows.push(row);
	}
	const below = asRows.flatMap((row) =>
		typeof row.id === 'number' && row.id <= highest ? [row.id] : []
	);
	const taken = (await blocksHolding(db, below)).flatMap(blockIds).find((id) => seen.has(id));
	if (taken !== undefined) throw keyTaken(taken);
	toBlock.sort(byId);
	const blocks: ReviewBlockRow[] = [];
	for (let i = 0; i < toBlock.length; i += BLOCK_SIZE) {
		blocks.push(packBlock(toBlock.slice(i, i + BLOCK_SIZE)));
	}
	await Promise.all([putBlocks(db, blocks), db.reviews.bulkAdd(asRows)]);
	const top = toBlock.at(-1)?.id;
	if (top !== undefined) await moveKeyGeneratorPast(db, top);
}

/**
 * Makes the `reviews` table number its next row after `id`: IndexedDB's key generator moves past
 * any number key stored, and stays there when that row is deleted again.
 */
async function moveKeyGeneratorPast(db: CstoDb, id: number): Promise<void> {
	await db.reviews.add({ id } as ReviewRow);
	await db.reviews.delete(id);
}

/** The readable blocks that may hold any of `ids` (their id span covers one). */
async function blocksHolding(db: CstoDb, ids: readonly number[]): Promise<ReviewBlockRow[]> {
	if (ids.length === 0) return [];
	let lowest = Infinity;
	let highest = -Infinity;
	for (const id of ids) {
		lowest = Math.min(lowest, id);
		highest = Math.max(highest, id);
	}
	const heads = await db.reviewBlocks
		.where('[lastId+n]')
		.aboveOrEqual([lowest, -Infinity])
		.toArray();
	return joinBlocks(
		db,
		heads.filter((head) => head.firstId <= highest)
	);
}

/**
 * Takes the ratings with these ids out of the blocks that hold them, rewriting each such block (or
 * deleting it when nothing is left). A rating given in the app is in no block: its undo reads the
 * index only.
 */
async function takeOutOfBlocks(db: CstoDb, ids: readonly number[]): Promise<void> {
	const wanted = new Set(ids);
	for (const block of await blocksHolding(db, ids)) {
		if (!blockIds(block).some((id) => wanted.has(id))) continue;
		const left = unpackBlock(block, (id) => !wanted.has(id));
		if (left.length > 0) await putBlocks(db, [{ ...packBlock(left), id: block.id }]);
		else await deleteBlocks(db, [block.id!]);
	}
}

const numbers = (keys: readonly unknown[]) =>
	keys.filter((key): key is number => typeof key === 'number');

/** Stores ratings under their ids, replacing those stored under the same ids (as rows). */
export async function putReviews(db: CstoDb, rows: readonly ReviewRow[]): Promise<void> {
	await takeOutOfBlocks(db, numbers(rows.map((row) => row.id)));
	await db.reviews.bulkPut(rows as ReviewRow[]);
}

/** Deletes the ratings stored under these keys (a damaged row's key may not be a number). */
export async function deleteReviews(db: CstoDb, keys: readonly IndexableType[]): Promise<void> {
	await takeOutOfBlocks(db, numbers(keys));
	await db.reviews.bulkDelete(keys as number[]);
}

/** What one step of `compactLog` did. */
export interface CompactionStep {
	/** How many rows it moved into a block (0: it wrote nothing). */
	moved: number;
	/** The last row key it looked at: the next step starts after it. */
	lastKey: IndexableType | undefined;
	/** True when no row after `lastKey` is old enough to move: compaction is over for now. */
	done: boolean;
}

/**
 * One step of the log's compaction: moves the ratings stored as rows of their own with a key after
 * `after` (from the first when undefined), up to `step` rows in key order and only while they were
 * given before `before`, into one block, in one transaction. A rating moves with its id and every
 * field as it was, so every read of the log (its counts, its days, the summary's ids, the backup)
 * gives the same ratings after it, a damaged one included (the validator and Check database read a
 * block's ratings as they read rows). A row that a block cannot give back exactly (`fitsBlock`)
 * stays a row of its own, as `addReviews` keeps it.
 * The first row given on or after `before` ends the compaction: the recent ratings, which Home,
 * the day's log and a rating's undo read, stay rows.
 */
export async function compactLog(
	db: CstoDb,
	options: { before: number; after?: IndexableType; step: number }
): Promise<CompactionStep> {
	const { before, after, step } = options;
	return db.transaction('rw', logTables(db), async () => {
		const rows = await (
			after === undefined ? db.reviews.toCollection() : db.reviews.where(':id').above(after)
		)
			.limit(step)
			.toArray();
		const moved: ReviewRow[] = [];
		let lastKey = after;
		let done = rows.length < step;
		for (const row of rows) {
			if (typeof row.reviewedAt === 'number' && row.reviewedAt >= before) {
				done = true;
				break;
			}
			lastKey = row.id as IndexableType;
			if (fitsBlock(row)) moved.push(row);
		}
		if (moved.length > 0) {
			await putBlocks(db, [packBlock(moved)]);
			// One request for the rows' key range when nothing between them stays a row: deleting them
			// key by key cost 40-90 ms of the main thread a step of 1,000 (Dexie first reads each row
			// for its live queries' indexes).
			const [first, last] = [moved[0]!.id!, moved.at(-1)!.id!];
			const between = rows.filter((row) => row.id! >= first && row.id! <= last);
			if (between.length === moved.length) {
				await db.reviews.where(':id').between(first, last, true, true).delete();
			} else {
				await db.reviews.bulkDelete(moved.map((row) => row.id!));
			}
		}
		return { moved: moved.length, lastKey, done };
	});
}

/** Deletes every rating. */
export async function clearReviews(db: CstoDb): Promise<void> {
	await Promise.all([db.reviews.clear(), db.reviewBlocks.clear(), db.reviewBlockLogs.clear()]);
}

// What the log would cost stored another way: figures for the decision issue 14's import target
// waits on. `ui.import.100k` ≤ 3000 ms cannot be met while the log is one record per rating
// (`idb.floor.put.bare.100k`: 100,000 records cost more than that, however small), so this puts
// the stress collection's 100,000 ratings into a database of its own in four other shapes, each with the
// indexes the app's reads would need, and times what the app does with the log in each:
// - rows: today's shape, a record per rating, indexed by `cardId` and `reviewedAt`;
// - blocks: up to 1,000 ratings in time order per record, with `last` (its newest rating's time) for the
//   reads since a time and `cardIds` (multi-entry, the cards it rates) for a card's history;
// - cards: a record per card holding all its ratings, with `days` (multi-entry, the days it was
//   rated, UTC here) for the reads of a day.
// - packed: cards, with each card's ratings as one Float64Array of 11 numbers a rating (its source
//   as 0 or 1, no due date as NaN), which the browser copies in one piece instead of field by field.
// - packedBlocks: blocks, with each block's ratings packed the same way, and a 12th number for the
//   rating's card (its place in `cardIds`).
// Figures, `idb.shape.<shape>.<what>`, each the median of three runs:
// - put.100k: ms to put the whole log in one transaction (relaxed durability): an import's write;
// - getAll.100k: ms to read every rating (the Stats page's first visit, an export);
// - history: ms for one card's ratings, median of 40 cards (a card's history, Check database);
// - today: ms for the ratings of the last day (Home's counts);
// - rating.p95: ms to add one rating until it commits, p95 of 40: what a rating waits for before the
//   next card may show. Blocks and packedBlocks rewrite their newest block, cards and packed their
//   card's record.
import { benchPort } from './lib/ports.js';
import { measureLogInPage, type Report } from './lib/log-in-page.ts';

export function run(report: Report): Promise<void> {
	return measureLogInPage(
		{
			port: benchPort(7),
			runs: 3,
			prefix: 'idb.shape',
			decimals: 1,
			measure: async (rows) => {
				type Row = (typeof rows)[number];
				interface Block {
					id: number;
					last: number;
					cardIds: string[];
					rows: Row[];
				}
				interface CardLog {
					cardId: string;
					days: number[];
					rows: Row[];
				}
				interface PackedLog {
					cardId: string;
					days: number[];
					log: Float64Array;
				}
				interface PackedBlock {
					id: number;
					last: number;
					cardIds: string[];
					log: Float64Array;
				}
				const FIELDS = 11;
				// `stride` numbers a rating: FIELDS, or more where a shape adds its own after them.
				const pack = (list: Row[], stride = FIELDS) => {
					const log = new Float64Array(list.length * stride);
					list.forEach((r, i) =>
						log.set(
							[
								r.id!,
								r.rating,
								r.stateBefore,
								r.dueBefore ?? NaN,
								r.stability,
								r.difficulty,
								r.elapsedDays,
								r.scheduledDays,
								r.reviewedAt,
								r.durationMs,
								r.source === 'quiz' ? 1 : 0
							],
							i * stride
						)
					);
					return log;
				};
				const unpack = (cardOf: (i: number) => string, log: Float64Array, stride = FIELDS): Row[] =>
					Array.from({ length: log.length / stride }, (_, i) => {
						const at = i * stride;
						return {
							id: log[at]!,
							cardId: cardOf(i),
							rating: log[at + 1]! as Row['rating'],
							stateBefore: log[at + 2]! as Row['stateBefore'],
							dueBefore: Number.isNaN(log[at + 3]) ? null : log[at + 3]!,
							stability: log[at + 4]!,
							difficulty: log[at + 5]!,
							elapsedDays: log[at + 6]!,
							scheduledDays: log[at + 7]!,
							reviewedAt: log[at + 8]!,
							durationMs: log[at + 9]!,
							source: log[at + 10] ? 'quiz' : 'review'
						};
					});
				// A block's ratings: each one packed as above, then the place of its card in `cardIds`.
				const BLOCK_FIELDS = FIELDS + 1;
				const packBlock = (id: number, list: Row[]): PackedBlock => {
					const cardIds = [...new Set(list.map((row) => row.cardId))];
					const place = new Map(cardIds.map((cardId, i) => [cardId, i]));
					const log = pack(list, BLOCK_FIELDS);
					list.forEach((row, i) => (log[i * BLOCK_FIELDS + FIELDS] = place.get(row.cardId)!));
					return { id, last: list.at(-1)!.reviewedAt, cardIds, log };
				};
				const unpackBlock = ({ cardIds, log }: PackedBlock): Row[] =>
					unpack((i) => cardIds[log[i * BLOCK_FIELDS + FIELDS]!]!, log, BLOCK_FIELDS);
				const DAY = 86_400_000;
				const BLOCK = 1000;
				const requested = <T>(request: IDBRequest<T>) =>
					new Promise<T>((resolve, reject) => {
						request.onsuccess = () => resolve(request.result);
						request.onerror = () => reject(request.error);
					});
				const done = (tx: IDBTransaction) =>
					new Promise<void>((resolve, reject) => {
						tx.oncomplete = () => resolve();
						tx.onerror = () => reject(tx.error);
						tx.onabort = () => reject(tx.error);
					});
				const name = 'log-shapes';
				await requested(indexedDB.deleteDatabase(name));
				const open = indexedDB.open(name, 1);
				open.onupgradeneeded = () => {
					const db = open.result;
					const rowStore = db.createObjectStore('rows', { keyPath: 'id', autoIncrement: true });
					rowStore.createIndex('cardId', 'cardId');
					rowStore.createIndex('reviewedAt', 'reviewedAt');
					const blockStore = db.createObjectStore('blocks', { keyPath: 'id' });
					blockStore.createIndex('last', 'last');
					blockStore.createIndex('cardIds', 'cardIds', { multiEntry: true });
					const cardStore = db.createObjectStore('cards', { keyPath: 'cardId' });
					cardStore.createIndex('days', 'days', { multiEntry: true });
					const packedStore = db.createObjectStore('packed', { keyPath: 'cardId' });
					packedStore.createIndex('days', 'days', { multiEntry: true });
					const packedBlockStore = db.createObjectStore('packedBlocks', { keyPath: 'id' });
					packedBlockStore.createIndex('last', 'last');
					packedBlockStore.createIndex('cardIds', 'cardIds', { multiEntry: true });
				};
				const db = await requested(open);

				// The same log in the two other shapes, built before any clock starts.
				// The first and newest blocks are half full, so that the ratings below rewrite a
				// block of a typical size (a full newest block would have them start a new one).
				const blocks: Block[] = [];
				for (let i = 0; i < rows.length; i += i === 0 ? BLOCK / 2 : BLOCK) {
					const part = rows.slice(i, i + (i === 0 ? BLOCK / 2 : BLOCK));
					blocks.push({
						id: blocks.length + 1,
						last: part.at(-1)!.reviewedAt,
						cardIds: [...new Set(part.map((row) => row.cardId))],
						rows: part
					});
				}
				const byCard = new Map<string, Row[]>();
				for (const row of rows) {
					const list = byCard.get(row.cardId);
					if (list) list.push(row);
					else byCard.set(row.cardId, [row]);
				}
				const dayOf = (time: number) => Math.floor(time / DAY);
				const cardLogs: CardLog[] = [...byCard].map(([cardId, list]) => ({
					cardId,
					days: [...new Set(list.map((row) => dayOf(row.reviewedAt)))],
					rows: list
				}));

				// Packing is part of the import's work, so it is timed with the put below.
				const packedLogs = (): PackedLog[] =>
					cardLogs.map(({ cardId, days, rows: list }) => ({ cardId, days, log: pack(list) }));
				const packedBlocks = (): PackedBlock[] =>
					blocks.map((block) => packBlock(block.id, block.rows));

				const figures: Record<string, number> = {};
				const time = async (key: string, work: () => Promise<unknown>) => {
					const start = performance.now();
					await work();
					figures[key] = performance.now() - start;
				};
				const write = (store: string) =>
					db.transaction(store, 'readwrite', { durability: 'relaxed' });
				const read = (store: string) => db.transaction(store).objectStore(store);

				// put.100k: each shape's records in one transaction, in this order. The records are
				// made inside the timed work, so that packing is timed with its put.
				const records: Record<string, () => unknown[]> = {
					rows: () => rows,
					blocks: () => blocks,
					cards: () => cardLogs,
					packed: packedLogs,
					packedBlocks
				};
				for (const [store, recordsOf] of Object.entries(records)) {
					await time(`${store}.put.100k`, () => {
						const tx = write(store);
						for (const record of recordsOf()) tx.objectStore(store).put(record);
						return done(tx);
					});
				}

				// getAll.100k: every rating, as one list.
				const counts: Record<string, number> = {};
				await time('rows.getAll.100k', async () => {
					counts.rows = (await requested(read('rows').getAll())).length;
				});
				await time('blocks.getAll.100k', async () => {
					const all = (await requested(read('blocks').getAll())) as Block[];
					counts.blocks = all.flatMap((block) => block.rows).length;
				});
				await time('cards.getAll.100k', async () => {
					const all = (await requested(read('cards').getAll())) as CardLog[];
					counts.cards = all.flatMap((log) => log.rows).length;
				});
				await time('packed.getAll.100k', async () => {
					const all = (await requested(read('packed').getAll())) as PackedLog[];
					counts.packed = all.flatMap((p) => unpack(() => p.cardId, p.log)).length;
				});
				await time('packedBlocks.getAll.100k', async () => {
					const all = (await requested(read('packedBlocks').getAll())) as PackedBlock[];
					counts.packedBlocks = all.flatMap(unpackBlock).length;
				});
				for (const [shape, count] of Object.entries(counts)) {
					if (count !== rows.length) throw new Error(`${shape} read ${count} of ${rows.length}`);
				}

				// history: one card's ratings, for 40 cards.
				const cardIds = cardLogs.slice(0, 40).map((log) => log.cardId);
				const history: Record<string, number[]> = {
					rows: [],
					blocks: [],
					cards: [],
					packed: [],
					packedBlocks: []
				};
				for (const cardId of cardIds) {
					let start = performance.now();
					const fromRows = await requested(read('rows').index('cardId').getAll(cardId));
					history.rows!.push(performance.now() - start);
					start = performance.now();
					const fromBlocks = (
						(await requested(read('blocks').index('cardIds').getAll(cardId))) as Block[]
					).flatMap((block) => block.rows.filter((row) => row.cardId === cardId));
					history.blocks!.push(performance.now() - start);
					start = performance.now();
					const fromCards = ((await requested(read('cards').get(cardId))) as CardLog).rows;
					history.cards!.push(performance.now() - start);
					start = performance.now();
					const packed = (await requested(read('packed').get(cardId))) as PackedLog;
					const fromPacked = unpack(() => cardId, packed.log);
					history.packed!.push(performance.now() - start);
					start = performance.now();
					const fromPackedBlocks = (
						(await requested(read('packedBlocks').index('cardIds').getAll(cardId))) as PackedBlock[]
					).flatMap((block) => unpackBlock(block).filter((row) => row.cardId === cardId));
					history.packedBlocks!.push(performance.now() - start);
					if (
						[fromBlocks, fromCards, fromPacked, fromPackedBlocks].some(
							(list) => list.length !== fromRows.length
						) ||
						[fromPacked, fromPackedBlocks].some((list) =>
							list.some((row, i) => row.reviewedAt !== fromRows[i]!.reviewedAt)
						)
					) {
						throw new Error(`The shapes disagree on the history of ${cardId}`);
					}
				}
				for (const [shape, values] of Object.entries(history)) {
					values.sort((a, b) => a - b);
					figures[`${shape}.history`] = values[Math.floor(values.length / 2)]!;
				}

				// today: the ratings of the log's last day.
				const last = rows.at(-1)!.reviewedAt;
				const since = dayOf(last) * DAY;
				const today: Record<string, number> = {};
				await time('rows.today', async () => {
					const index = read('rows').index('reviewedAt');
					today.rows = (await requested(index.getAll(IDBKeyRange.lowerBound(since)))).length;
				});
				await time('blocks.today', async () => {
					const index = read('blocks').index('last');
					const found = (await requested(index.getAll(IDBKeyRange.lowerBound(since)))) as Block[];
					today.blocks = found.flatMap((b) => b.rows.filter((r) => r.reviewedAt >= since)).length;
				});
				await time('cards.today', async () => {
					const index = read('cards').index('days');
					const found = (await requested(index.getAll(dayOf(since)))) as CardLog[];
					today.cards = found.flatMap((l) => l.rows.filter((r) => r.reviewedAt >= since)).length;
				});
				await time('packed.today', async () => {
					const index = read('packed').index('days');
					const found = (await requested(index.getAll(dayOf(since)))) as PackedLog[];
					today.packed = found.flatMap((p) =>
						unpack(() => p.cardId, p.log).filter((r) => r.reviewedAt >= since)
					).length;
				});
				await time('packedBlocks.today', async () => {
					const index = read('packedBlocks').index('last');
					const found = (await requested(
						index.getAll(IDBKeyRange.lowerBound(since))
					)) as PackedBlock[];
					today.packedBlocks = found.flatMap((b) =>
						unpackBlock(b).filter((r) => r.reviewedAt >= since)
					).length;
				});
				if (
					[today.blocks, today.cards, today.packed, today.packedBlocks].some(
						(count) => count !== today.rows
					)
				) {
					throw new Error(`The shapes disagree on the last day: ${JSON.stringify(today)}`);
				}

				// rating.p95: 40 ratings added after the log's last, each committed before the next.
				const ratings: Record<string, number[]> = {
					rows: [],
					blocks: [],
					cards: [],
					packed: [],
					packedBlocks: []
				};
				for (let i = 0; i < 40; i++) {
					const { id: _id, ...row } = rows[i]!;
					const rating = { ...row, reviewedAt: last + 1 + i };
					let start = performance.now();
					let tx = write('rows');
					tx.objectStore('rows').add(rating);
					await done(tx);
					ratings.rows!.push(performance.now() - start);

					start = performance.now();
					tx = write('blocks');
					const blockStore = tx.objectStore('blocks');
					const cursor = await requested(blockStore.openCursor(null, 'prev'));
					const newest = cursor!.value as Block;
					if (newest.rows.length < BLOCK) {
						newest.rows.push({ ...rating, id: newest.rows.at(-1)!.id! + 1 });
						newest.last = rating.reviewedAt;
						if (!newest.cardIds.includes(rating.cardId)) newest.cardIds.push(rating.cardId);
						blockStore.put(newest);
					} else {
						blockStore.put({
							id: newest.id + 1,
							last: rating.reviewedAt,
							cardIds: [rating.cardId],
							rows: [{ ...rating, id: newest.rows.at(-1)!.id! + 1 }]
						});
					}
					await done(tx);
					ratings.blocks!.push(performance.now() - start);

					start = performance.now();
					tx = write('cards');
					const cardStore = tx.objectStore('cards');
					const log = (await requested(cardStore.get(rating.cardId))) as CardLog;
					log.rows.push(rating as Row);
					const day = dayOf(rating.reviewedAt);
					if (!log.days.includes(day)) log.days.push(day);
					cardStore.put(log);
					await done(tx);
					ratings.cards!.push(performance.now() - start);

					start = performance.now();
					tx = write('packed');
					const packedStore = tx.objectStore('packed');
					const packed = (await requested(packedStore.get(rating.cardId))) as PackedLog;
					const grown = new Float64Array(packed.log.length + FIELDS);
					grown.set(packed.log);
					grown.set(pack([{ ...rating, id: last + i } as Row]), packed.log.length);
					packed.log = grown;
					if (!packed.days.includes(day)) packed.days.push(day);
					packedStore.put(packed);
					await done(tx);
					ratings.packed!.push(performance.now() - start);

					start = performance.now();
					tx = write('packedBlocks');
					const packedBlockStore = tx.objectStore('packedBlocks');
					const newestCursor = await requested(packedBlockStore.openCursor(null, 'prev'));
					const newestPacked = newestCursor!.value as PackedBlock;
					const ratingRow = { ...rating, id: last + i } as Row;
					const count = newestPacked.log.length / BLOCK_FIELDS;
					if (count < BLOCK) {
						let place = newestPacked.cardIds.indexOf(rating.cardId);
						if (place < 0) place = newestPacked.cardIds.push(rating.cardId) - 1;
						const log = new Float64Array(newestPacked.log.length + BLOCK_FIELDS);
						log.set(newestPacked.log);
						log.set(pack([ratingRow]), newestPacked.log.length);
						log[log.length - 1] = place;
						packedBlockStore.put({ ...newestPacked, last: rating.reviewedAt, log });
					} else {
						packedBlockStore.put(packBlock(newestPacked.id + 1, [ratingRow]));
					}
					await done(tx);
					ratings.packedBlocks!.push(performance.now() - start);
				}
				for (const [shape, values] of Object.entries(ratings)) {
					values.sort((a, b) => a - b);
					figures[`${shape}.rating.p95`] = values[Math.ceil(0.95 * values.length) - 1]!;
				}

				db.close();
				await requested(indexedDB.deleteDatabase(name));
				return figures;
			}
		},
		report
	);
}

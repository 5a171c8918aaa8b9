declare module 'virtual:csto-bank' {
	const bank: import('$lib/domain/bank/schema').Bank;
	export default bank;
}

declare module 'virtual:csto-bank-index' {
	const index: import('$lib/domain/scheduling/face').CardSource[];
	export default index;
}

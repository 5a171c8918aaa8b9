declare module 'virtual:csto-bank' {
	const bank: import('$lib/domain/bank/schema').Bank;
	export default bank;
}

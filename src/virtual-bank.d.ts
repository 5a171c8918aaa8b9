declare module 'virtual:csto-bank' {
	const bank: import('$lib/domain/bank/schema').Bank;
	export default bank;
}

declare module 'virtual:csto-bank-index' {
	const index: Omit<import('$lib/domain/scheduling/face').CardSource, 'topic'>[];
	export default index;
}

declare module 'virtual:csto-membership' {
	const membership: {
		membership: import('$lib/domain/bank/membership').Membership;
		mapStates: import('$lib/domain/bank/schema').MapState[];
		about: Record<string, import('$lib/content/about-states').AboutState>;
	};
	export default membership;
}

declare module 'virtual:csto-map' {
	const map: import('$lib/domain/map/types').MapGeometry;
	export default map;
}

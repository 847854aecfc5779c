/**
 * vtiger_relatedlists of the install, as vtws_relatedtypes lists them: [related module, label] per related list,
 * in sequence order. Only the modules a transcript shows are here (34: Invoice, Documents); any other module
 * has no related lists in the emulator, so relatedtypes lists none and the *_related operations refuse it.
 */
export const RELATED_LISTS: Record<string, Array<[string, string]>> = {
	Invoice: [
		['Calendar', 'Activities'],
		['Documents', 'Documents'],
		['Calendar', 'Activity History'],
		['Assets', 'Assets'],
	],
	Documents: [
		'Contacts', 'Accounts', 'Potentials', 'Leads', 'Products', 'Services', 'Project', 'Assets', 'ServiceContracts', 'Quotes',
		'Invoice', 'SalesOrder', 'PurchaseOrder', 'HelpDesk', 'Faq',
	].map((module): [string, string] => [module, module]),
};

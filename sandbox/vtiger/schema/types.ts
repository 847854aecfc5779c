export interface FieldType {
	name: string;
	refersTo?: string[];
	picklistValues?: Array<{ label: string; value: string }>;
	defaultValue?: string | null;
	format?: string;
}

export interface FieldDescribe {
	name: string;
	label: string;
	mandatory: boolean;
	type: FieldType;
	isunique?: boolean;
	nullable: boolean;
	editable: boolean;
	default?: string;
}

export interface ModuleDescribe {
	label: string;
	name: string;
	createable: boolean;
	updateable: boolean;
	deleteable: boolean;
	retrieveable: boolean;
	fields: FieldDescribe[];
	idPrefix: string;
	isEntity: boolean;
	allowDuplicates?: boolean;
	labelFields: string;
}

export interface ListTypeInfo {
	isEntity: boolean;
	label: string;
	singular: string;
}

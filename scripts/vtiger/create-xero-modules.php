<?php
/*
 * Creates the two modules the example flows use, XeroAccounts and XeroLogs, plus the cf_xero_* custom fields the
 * mapping links records with, on a vtiger 7.x install, through vtiger's own vtlib API (the same calls vtiger's
 * Module Builder and vtlib/tools/console.php make). Field names and types are the ones the vtiger sandbox
 * describes (sandbox/vtiger/demo/customFields.ts), so the flows and the node's defaults work unchanged.
 *
 * Usage, from the vtiger root directory (the one holding config.inc.php), as the web server's user:
 *   php /path/to/create-xero-modules.php
 * Running it again skips what already exists. Take a database backup first.
 */

if (!is_file('config.inc.php') || !is_file('vtlib/Vtiger/Module.php')) {
	fwrite(STDERR, "Run this from the vtiger root directory (config.inc.php and vtlib/ not found here).\n");
	exit(1);
}
include_once 'config.inc.php';
include_once 'include/utils/utils.php';
include_once 'data/CRMEntity.php';
include_once 'vtlib/Vtiger/Module.php';
include_once 'vtlib/Vtiger/Menu.php';

function xero_field($block, $name, $label, $uitype, $typeofdata, $columntype, $picklist = null) {
	$field = new Vtiger_Field();
	$field->name = $name;
	$field->label = $label;
	$field->column = $name;
	$field->uitype = $uitype;
	$field->typeofdata = $typeofdata;
	$field->columntype = $columntype;
	$block->addField($field);
	if ($picklist) $field->setPicklistValues($picklist);
	return $field;
}

function xero_core_fields($block) {
	$owner = new Vtiger_Field();
	$owner->name = 'assigned_user_id';
	$owner->label = 'Assigned To';
	$owner->table = 'vtiger_crmentity';
	$owner->column = 'smownerid';
	$owner->uitype = 53;
	$owner->typeofdata = 'V~M';
	$block->addField($owner);
	foreach (array('createdtime' => 'Created Time', 'modifiedtime' => 'Modified Time') as $name => $label) {
		$time = new Vtiger_Field();
		$time->name = $name;
		$time->label = $label;
		$time->table = 'vtiger_crmentity';
		$time->column = $name;
		$time->uitype = 70;
		$time->typeofdata = 'T~O';
		$time->displaytype = 2;
		$block->addField($time);
	}
	return $owner;
}

// The module's PHP class, from the template vtiger ships for new modules.
function xero_module_files($module, $entityField) {
	$dir = 'modules/' . $module->name;
	if (is_file("$dir/{$module->name}.php")) return;
	@mkdir($dir);
	@mkdir("$dir/language");
	$template = file_get_contents('vtlib/ModuleDir/6.0.0/ModuleName.php');
	$class = strtr($template, array(
		'ModuleName' => $module->name,
		'<modulename>' => strtolower($module->name),
		'<entityfieldlabel>' => $entityField->label,
		'<entitycolumn>' => $entityField->column,
		'<entityfieldname>' => $entityField->name,
	));
	file_put_contents("$dir/{$module->name}.php", $class);
}

function xero_module($name, $label, $entity, $fields) {
	if (Vtiger_Module::getInstance($name)) {
		echo "$name exists, skipped\n";
		return;
	}
	$module = new Vtiger_Module();
	$module->name = $name;
	$module->label = $label;
	$module->parent = 'Tools';
	$module->save();
	$module->initTables();
	$block = new Vtiger_Block();
	$block->label = 'LBL_' . strtoupper($name) . '_INFORMATION';
	$module->addBlock($block);
	$entityField = null;
	foreach ($fields as $spec) {
		$field = call_user_func_array('xero_field', array_merge(array($block), $spec));
		if ($spec[0] === $entity) $entityField = $field;
	}
	$module->setEntityIdentifier($entityField);
	$owner = xero_core_fields($block);
	$filter = new Vtiger_Filter();
	$filter->name = 'All';
	$filter->isdefault = true;
	$module->addFilter($filter);
	$filter->addField($entityField)->addField($owner, 1);
	$module->setDefaultSharing();
	$module->initWebservice();
	xero_module_files($module, $entityField);
	echo "$name created\n";
}

// name, label, uitype (1 text, 2 mandatory text, 15 picklist, 19 text area), typeofdata, column type, picklist
xero_module('XeroAccounts', 'Xero Accounts', 'xero_account_name', array(
	array('xero_account_name', 'Account Name', 2, 'V~M', 'VARCHAR(255)'),
	array('xero_account_code', 'Account Code', 1, 'V~O', 'VARCHAR(50)'),
	array('xero_account_type', 'Account Type', 15, 'V~O', 'VARCHAR(50)', array('BANK', 'CURRENT', 'CURRLIAB', 'DEPRECIATN', 'DIRECTCOSTS', 'EQUITY', 'EXPENSE', 'FIXED', 'INVENTORY', 'LIABILITY', 'NONCURRENT', 'OTHERINCOME', 'OVERHEADS', 'PREPAYMENT', 'REVENUE', 'SALES', 'TERMLIAB')),
	array('xero_tax_type', 'Tax Type', 1, 'V~O', 'VARCHAR(50)'),
	array('xero_account_class', 'Account Class', 15, 'V~O', 'VARCHAR(50)', array('ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE')),
	array('xero_account_status', 'Status', 15, 'V~O', 'VARCHAR(50)', array('ACTIVE', 'ARCHIVED')),
	array('xero_account_id', 'Xero Account ID', 1, 'V~O', 'VARCHAR(50)'),
	array('description', 'Description', 19, 'V~O', 'TEXT'),
));

xero_module('XeroLogs', 'Xero Logs', 'action', array(
	array('action', 'Action', 2, 'V~M', 'VARCHAR(255)'),
	array('app_name', 'App Name', 15, 'V~O', 'VARCHAR(20)', array('Xero', 'CRM')),
	array('result', 'Result', 15, 'V~O', 'VARCHAR(20)', array('Success', 'Failed')),
	array('flow', 'Flow', 15, 'V~O', 'VARCHAR(20)', array('CRM → Xero', 'Xero → CRM')),
	array('crm_id', 'CRM ID', 1, 'V~O', 'VARCHAR(50)'),
	array('xero_id', 'Xero ID', 1, 'V~O', 'VARCHAR(50)'),
	array('error_message', 'Error Message', 19, 'V~O', 'TEXT'),
));

// The link fields the mapping uses by default (README, "Xero ↔ CRM field mapping"), as custom fields.
$customFields = array(
	'Accounts' => array('cf_xero_contact_id' => 'Xero Contact ID', 'cf_xero_tax_number' => 'Xero Tax Number', 'cf_xero_currency' => 'Xero Default Currency'),
	'Contacts' => array('cf_xero_contact_id' => 'Xero Contact ID'),
	'Products' => array('cf_xero_item_id' => 'Xero Item ID', 'cf_xero_sales_account' => 'Xero Sales Account', 'cf_xero_purchase_account' => 'Xero Purchase Account'),
	'Services' => array('cf_xero_item_id' => 'Xero Item ID', 'cf_xero_sales_account' => 'Xero Sales Account', 'cf_xero_purchase_account' => 'Xero Purchase Account'),
	'Invoice' => array('cf_xero_invoice_id' => 'Xero Invoice ID', 'cf_xero_invoice_number' => 'Xero Invoice Number', 'cf_xero_status' => 'Xero Status'),
	'Quotes' => array('cf_xero_invoice_id' => 'Xero Invoice ID', 'cf_xero_invoice_number' => 'Xero Invoice Number', 'cf_xero_status' => 'Xero Status'),
	'SalesOrder' => array('cf_xero_invoice_id' => 'Xero Invoice ID', 'cf_xero_invoice_number' => 'Xero Invoice Number', 'cf_xero_status' => 'Xero Status'),
);
foreach ($customFields as $moduleName => $fields) {
	$module = Vtiger_Module::getInstance($moduleName);
	$block = Vtiger_Block::getInstance('LBL_CUSTOM_INFORMATION', $module);
	if (!$block) {
		$blocks = Vtiger_Block::getAllForModule($module);
		$block = $blocks[count($blocks) - 1];
	}
	// Custom fields live in the module's custom field table (vtiger_accountscf, vtiger_productcf …).
	$entity = CRMEntity::getInstance($moduleName);
	foreach ($fields as $name => $label) {
		if (Vtiger_Field::getInstance($name, $module)) continue;
		$field = new Vtiger_Field();
		$field->name = $name;
		$field->label = $label;
		$field->table = $entity->customFieldTable[0];
		$field->column = $name;
		$field->columntype = 'VARCHAR(100)';
		$field->uitype = 1;
		$field->typeofdata = 'V~O';
		$block->addField($field);
		echo "$moduleName.$name created\n";
	}
}

import { fieldDisplayName, toMapperField } from '../../nodes/CrmRecord/methods/fieldSchema';
import type { DescribeField } from '../../nodes/CrmRecord/transport/types';

/**
 * vtiger sends labels HTML-encoded (issue 13: "Shipping &amp; Handling"). The transport decodes describe's field
 * labels (htmlText.ts); picklist labels are decoded for display here; names and values stay as vtiger has them.
 */
test('picklist options show decoded labels; values and field names are untouched', () => {
	const field = {
		name: 'shipping_&_handling',
		label: 'Shipping & Handling',
		mandatory: false,
		editable: true,
		type: { name: 'picklist', picklistValues: [{ label: 'R&amp;D &quot;Lab&quot;', value: 'R&amp;D' }] },
	} as unknown as DescribeField;
	expect(fieldDisplayName(field)).toBe('Shipping & Handling (shipping_&_handling)');
	expect(toMapperField(field, false).options).toEqual([{ name: 'R&D "Lab"', value: 'R&amp;D' }]);
});

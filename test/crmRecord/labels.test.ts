import { decodeLabel } from '../../nodes/CrmRecord/helpers/labels';
import { fieldDisplayName, toMapperField } from '../../nodes/CrmRecord/methods/fieldSchema';
import type { DescribeField } from '../../nodes/CrmRecord/transport/types';

/** vtiger sends labels HTML-encoded (issue 13: the field list showed "Shipping &amp; Handling"). */
test('labels are decoded for display: named, decimal and hex entities; unknown ones stay', () => {
	expect(decodeLabel('Shipping &amp; Handling')).toBe('Shipping & Handling');
	expect(decodeLabel('O&#039;Brien &quot;VIP&quot; &lt;1&gt;')).toBe('O\'Brien "VIP" <1>');
	expect(decodeLabel('&#x2013; &bogus; &amp;amp;')).toBe('– &bogus; &amp;');
});

test('field lists and picklist options show decoded labels; names and values stay as vtiger has them', () => {
	const field = {
		name: 'shipping_&_handling',
		label: 'Shipping &amp; Handling',
		mandatory: false,
		editable: true,
		type: { name: 'picklist', picklistValues: [{ label: 'R&amp;D', value: 'R&amp;D' }] },
	} as unknown as DescribeField;
	expect(fieldDisplayName(field)).toBe('Shipping & Handling (shipping_&_handling)');
	expect(toMapperField(field, false).options).toEqual([{ name: 'R&D', value: 'R&amp;D' }]);
});

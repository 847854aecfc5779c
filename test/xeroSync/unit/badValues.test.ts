import { quoteBadValues } from '../../../nodes/XeroSync/helpers/badValues';

describe('quoteBadValues: the value Xero refused, quoted into its sentence (issue 13)', () => {
	it('quotes the e-mail address of the contact or its one person', () => {
		expect(quoteBadValues('Email address must be valid.', { Name: 'Acme Ltd', EmailAddress: 'bob@' })).toBe('Email address "bob@" must be valid.');
		expect(quoteBadValues('Email address must be valid.', { ContactPersons: [{ FirstName: 'Bo', EmailAddress: 'bo@x' }] })).toBe(
			'Email address "bo@x" must be valid.',
		);
	});

	it('quotes codes and names after the other sentences, shortened when long', () => {
		const code = 'GIFT-VOUCHER-CODE-FAR-TOO-LONG-FOR-XERO-AND-THEN-SOME-MORE-TEXT-HERE';
		expect(quoteBadValues('Item code must not be more than 30 characters long.', { Code: code })).toBe(
			`Item code "${code.slice(0, 59)}… (${code.length} characters)" must not be more than 30 characters long.`,
		);
		expect(quoteBadValues('Please enter a Name. The Code must not be more than 10 characters long.', { Code: '12345678901' })).toBe(
			'Please enter a Name. The Code "12345678901" must not be more than 10 characters long.',
		);
	});

	it('leaves the sentence alone when the value is not one clear value', () => {
		expect(quoteBadValues('Email address must be valid.', {})).toBe('Email address must be valid.');
		const two = { EmailAddress: 'a@', ContactPersons: [{ EmailAddress: 'b@' }] };
		expect(quoteBadValues('Email address must be valid.', two)).toBe('Email address must be valid.');
		expect(quoteBadValues('Invoice total must be greater than or equal to zero.', { Total: -1 })).toBe(
			'Invoice total must be greater than or equal to zero.',
		);
	});
});

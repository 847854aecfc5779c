/**
 * Users paste the CRM's address in many shapes ("crm.example.com", ".../index.php", ".../webservice.php"); the
 * webservice always lives at the instance root.
 */
export function webserviceUrl(instanceUrl: string): string {
	let url = instanceUrl.trim();
	if (url === '') throw new Error('The credential has no instance URL');
	if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
	url = url.replace(/[?#].*$/, '');
	url = url.replace(/\/(index|webservice)\.php$/i, '');
	url = url.replace(/\/+$/, '');
	return `${url}/webservice.php`;
}

/**
 * A site's own controller (`sites[].controller`): one charter with several sites may name a different controller
 * for each, and what a visitor of that site reads (notice, cookie policy, privacy center) names that site's
 * controller. Pure: the charter as seen from one site.
 */
import type { Charter } from './schema.js';

/**
 * The charter with the organisation's identity replaced by the site's controller, when the site names one; the
 * charter itself otherwise. Fields the site's controller leaves out (addresses, contact) stay the organisation's.
 * @example charterForSite(charter, 'shop').organisation.legalName // the shop's controller
 */
export function charterForSite(charter: Charter, siteId: string): Charter {
  const controller = charter.sites.find((s) => s.id === siteId)?.controller;
  if (!controller) return charter;
  const { tradeName: _tradeName, companyNumber: _companyNumber, ...rest } = charter.organisation;
  return {
    ...charter,
    organisation: {
      ...rest,
      legalName: controller.legalName,
      ...(controller.tradeName ? { tradeName: controller.tradeName } : {}),
      ...(controller.companyNumber ? { companyNumber: controller.companyNumber } : {}),
      addresses: controller.addresses ?? charter.organisation.addresses,
      contact: controller.contact ?? charter.organisation.contact,
    },
  };
}

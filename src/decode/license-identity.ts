// What product a license is: Windows or Office, Office's version, and the edition — from the products table by
// activation id, else from an Office license name ("Office 16, Office16ProPlusVL_KMS_Client edition"). Shared by
// every reader of licenses (slmgr, ospp, WMI) so the same product is named the same way whatever printed it.
import type { LicenseFact } from './facts.js';
import { officeIdentityFromName, officeVersionOfEdition, productLineOf } from './office-products.js';
import { editionByActivationId } from './products.js';

/** Fills product, productVersion, edition, family and applicationId where the license leaves them open. */
export function identifyLicense(fact: LicenseFact): LicenseFact {
  const edition = fact.activationId ? editionByActivationId(fact.activationId) : undefined;
  const office = officeIdentityFromName(fact.name);
  const applicationId = edition?.applicationId ?? office?.applicationId;
  if (!fact.applicationId && applicationId) fact.applicationId = applicationId;
  const product = productLineOf(fact);
  if (product) fact.product = product;
  if (edition) {
    fact.edition ??= edition.edition;
    fact.family ??= edition.family;
  } else if (office?.edition && !fact.edition) {
    // Subscription names carry their product in the edition words ("Microsoft 365 Apps for enterprise").
    fact.edition = office.version === 'Microsoft 365' ? office.edition : office.version ? `Office ${office.version} ${office.edition}` : `Office ${office.edition}`;
    fact.family = 'Office';
  }
  const version = office?.version ?? (edition?.family === 'Office' ? officeVersionOfEdition(edition.edition) : undefined);
  if (version) fact.productVersion = version;
  // In Notification state the status reason is what slmgr prints as "Notification Reason".
  if (fact.licenseStatus === 'Notification' && fact.statusReason && !fact.notificationReason) fact.notificationReason = fact.statusReason;
  return fact;
}

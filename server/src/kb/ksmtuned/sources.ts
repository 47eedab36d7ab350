import { guide, kernel, ksmtunedPackage } from '../sources';

/** The sources of the ksmtuned knowledge and rules, named once. */
export const KSM_SECTION = guide('8.3', 'Kernel Same-page Merging (KSM)');
export const KSM_SERVICE = guide('8.3.1', 'The KSM Service');
export const KSM_TUNING_SERVICE = guide('8.3.2', 'The KSM Tuning Service');
export const KSM_MONITORING = guide('8.3.3', 'KSM Variables and Monitoring');
export const KSM_DEACTIVATING = guide('8.3.4', 'Deactivating KSM');
export const KSM_NUMA = guide('9.4', 'NUMA-Aware Kernel SamePage Merging (KSM)');
export const KERNEL_KSM = kernel('admin-guide/mm/ksm.rst', 'Kernel Samepage Merging');
export const KSMTUNED_SCRIPT = ksmtunedPackage('ksmtuned', 'the ksmtuned script (Debian ksmtuned 4.20150326)');
export const KSMTUNED_DEFAULT_CONF = ksmtunedPackage('ksmtuned.conf', 'default /etc/ksmtuned.conf (Debian ksmtuned 4.20150326)');
export const KSM_DEFAULT_FILE = ksmtunedPackage('default-ksm', 'default /etc/default/ksm (Debian ksmtuned 4.20150326)');

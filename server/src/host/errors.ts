/** A host description that cannot be used at all: a path that does not exist, a file that is not capabilities XML. */
export class HostLoadError extends Error {}

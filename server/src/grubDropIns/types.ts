/**
 * The drop-ins grub-mkconfig sources after a file of /etc/default/grub's kind, as an adapter read them:
 * on Debian and Ubuntu, the `*.cfg` files of /etc/default/grub.d, after /etc/default/grub and one after
 * another in the order of their names (see folder.ts). For a drop-in, the ones sourced after it. A
 * snapshot: whoever reads them makes a new object when any of them changes, so findings are cached per
 * snapshot.
 */
export interface GrubDropIns {
  /** The folder they are in (`.../default/grub.d`). */
  folder: string;
  /** In the order grub-mkconfig sources them; never empty. */
  files: readonly GrubDropIn[];
}

export interface GrubDropIn {
  path: string;
  /** Undefined when it could not be read as a file: what it sets is then not known. */
  text: string | undefined;
}

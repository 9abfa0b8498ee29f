/**
 * What deployment has already decided on: a ModelRegistered (`registered:<model>:<version>`) or
 * a DeployCommand (`command:<commandId>`). Rebuilt at start from the messages before the group's
 * committed offsets, so a repeat on the topic is not acted on twice.
 */
export class DecidedKeys {
  private readonly keys = new Set<string>();

  static registered(model: string, version: string): string {
    return `registered:${model}:${version}`;
  }

  static command(commandId: string): string {
    return `command:${commandId}`;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    this.keys.add(key);
  }

  get size(): number {
    return this.keys.size;
  }
}

/** Where an export writes: anything that takes text and may ask the writer to wait (stdout, a file stream). */
export interface TextSink {
  write(text: string): Promise<void> | void;
}

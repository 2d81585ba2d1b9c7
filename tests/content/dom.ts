// linkedom stands in for a page in the content tests; what it lacks that the wrapping fallback needs.

/** The DOM's Text#splitText, which linkedom does not have. */
export function addSplitText(document: Document): void {
  const TextProto = Object.getPrototypeOf(document.createTextNode(''));
  TextProto.splitText = function splitText(this: Text, offset: number): Text {
    const rest = this.ownerDocument.createTextNode(this.data.slice(offset));
    this.data = this.data.slice(0, offset);
    this.after(rest);
    return rest;
  };
}

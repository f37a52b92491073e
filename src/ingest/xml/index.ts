export { makeXmlReader, noEventsRejection, type XmlRangeReport } from './read-xml.js';
export { parseElement, XmlSyntaxError, type XmlElement } from './tokenize-event.js';
export { eventFromXml } from './event-from-xml.js';
export { EventSplitter } from './split-events.js';

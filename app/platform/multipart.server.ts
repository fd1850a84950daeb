// Reading a form that may carry files (multipart/form-data), kept in memory with limits:
// Remix's unstable_parseMultipartFormData with an upload handler that never holds more than
// a file's limit. A file over the limit is not an error that loses the whole form: it comes
// back as an empty File of type TOO_LARGE_TYPE, so the action can say so next to its field
// and keep what the member typed. (The server already refused bodies over its upload limit.)
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

export const TOO_LARGE_TYPE = "application/x-sprout-too-large";
const TEXT_LIMIT_BYTES = 256 * 1024;

export class UnreadableForm extends Error {}

async function collect(data: AsyncIterable<Uint8Array>, limit: number): Promise<{ chunks: Uint8Array[]; over: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  // Read to the end even past the limit: the parser needs the part consumed to go on.
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > limit) over = true;
    else chunks.push(chunk);
  }
  return { chunks, over };
}

function handlerFor(maxFileBytes: number): UploadHandler {
  return async ({ filename, contentType, data }) => {
    if (filename === undefined) {
      const { chunks, over } = await collect(data, TEXT_LIMIT_BYTES);
      if (over) throw new UnreadableForm("text field too long");
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    const { chunks, over } = await collect(data, maxFileBytes);
    // An empty file input still sends a part with no name and no bytes: nothing was picked.
    if (!filename && chunks.length === 0) return undefined;
    if (over) return new File([], filename, { type: TOO_LARGE_TYPE });
    return new File([Buffer.concat(chunks)], filename || "pasted-image", { type: contentType });
  };
}

// The form of a request, multipart or url-encoded; UnreadableForm when it cannot be read.
export async function readFormWithFiles(request: Request, { maxFileBytes }: { maxFileBytes: number }): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  try {
    if (type !== "multipart/form-data") return await request.formData();
    return await unstable_parseMultipartFormData(request, handlerFor(maxFileBytes));
  } catch (error) {
    if (error instanceof UnreadableForm) throw error;
    throw new UnreadableForm(error instanceof Error ? error.message : String(error));
  }
}

// The files picked in one field (an empty pick is no file).
export function filesOf(formData: FormData, name: string): File[] {
  return formData.getAll(name).filter((v): v is File => typeof v !== "string" && (v.size > 0 || v.type === TOO_LARGE_TYPE));
}

//! Images as the layouts show them: their type known by their first bytes,
//! never by their names, and their size in pixels read from their header,
//! without decoding them. The check, the PDF and the HTML all ask here.

/// The image types the layouts can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    WebP,
    Svg,
}

/// The most pixels (width × height) an image may have: the engine holds a
/// decoded image in memory, and a small file can unpack to gigabytes
/// (20,000 × 20,000 pixels cost it about 430 MB). 50 million pixels is a
/// photo of 8,000 × 6,000, more than a page can show.
pub const MAX_PIXELS: u64 = 50_000_000;

impl ImageFormat {
    /// The type of an image by its first bytes (512 are enough), or
    /// `None` when it is none of the types the layouts can show.
    pub fn of(bytes: &[u8]) -> Option<ImageFormat> {
        let head = &bytes[..bytes.len().min(512)];
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageFormat::Png)
        } else if head.starts_with(b"\xFF\xD8\xFF") {
            Some(ImageFormat::Jpeg)
        } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            Some(ImageFormat::Gif)
        } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
            Some(ImageFormat::WebP)
        } else if String::from_utf8_lossy(head)
            .to_ascii_lowercase()
            .contains("<svg")
        {
            Some(ImageFormat::Svg)
        } else {
            None
        }
    }

    /// Whether the image decodes as the engine will decode it: a file cut
    /// short or with a broken checksum is refused here, not by the engine.
    /// SVG is parsed by the engine and not judged here.
    pub fn decode_error(self, bytes: &[u8]) -> Option<String> {
        let format = match self {
            ImageFormat::Png => image::ImageFormat::Png,
            ImageFormat::Jpeg => image::ImageFormat::Jpeg,
            ImageFormat::Gif => image::ImageFormat::Gif,
            ImageFormat::WebP => image::ImageFormat::WebP,
            ImageFormat::Svg => return None,
        };
        image::load_from_memory_with_format(bytes, format)
            .err()
            .map(|e| e.to_string())
    }

    /// The MIME type, for a `data:` URI.
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Gif => "image/gif",
            ImageFormat::WebP => "image/webp",
            ImageFormat::Svg => "image/svg+xml",
        }
    }

    /// The name the typesetting engine's `image(format: ...)` takes.
    pub fn typst(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Gif => "gif",
            ImageFormat::WebP => "webp",
            ImageFormat::Svg => "svg",
        }
    }

    /// Width and height in pixels, from the header; `None` for SVG (drawn,
    /// not decoded) and for a header too short or malformed to tell.
    pub fn size(self, bytes: &[u8]) -> Option<(u32, u32)> {
        match self {
            // The header chunk comes first; without it the data is broken,
            // which the engine reports.
            ImageFormat::Png if bytes.get(12..16) == Some(b"IHDR") => {
                Some((be32(bytes, 16)?, be32(bytes, 20)?))
            }
            ImageFormat::Png => None,
            ImageFormat::Gif => Some((le16(bytes, 6)?.into(), le16(bytes, 8)?.into())),
            ImageFormat::Jpeg => jpeg_size(bytes),
            ImageFormat::WebP => webp_size(bytes),
            ImageFormat::Svg => None,
        }
    }
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn le24(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 3)?;
    Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
}

/// A JPEG's size: the frame header (SOF0 to SOF15, but not DHT, JPG and
/// DAC) after the segments before it.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Fill bytes before a marker are allowed.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = be16(bytes, at + 5)?;
            let width = be16(bytes, at + 7)?;
            return Some((width.into(), height.into()));
        }
        at += 2 + usize::from(be16(bytes, at + 2)?);
    }
}

/// A WebP's size: from its lossy (`VP8 `), lossless (`VP8L`) or extended
/// (`VP8X`) header.
fn webp_size(bytes: &[u8]) -> Option<(u32, u32)> {
    match bytes.get(12..16)? {
        b"VP8 " => Some((
            u32::from(le16(bytes, 26)? & 0x3FFF),
            u32::from(le16(bytes, 28)? & 0x3FFF),
        )),
        b"VP8L" => {
            let bits = u32::from_le_bytes(bytes.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8X" => Some((le24(bytes, 24)? + 1, le24(bytes, 27)? + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_by_bytes() {
        assert_eq!(
            ImageFormat::of(b"\x89PNG\r\n\x1a\n...."),
            Some(ImageFormat::Png)
        );
        assert_eq!(ImageFormat::of(b"GIF89a"), Some(ImageFormat::Gif));
        assert_eq!(ImageFormat::of(b"<?xml?><svg "), Some(ImageFormat::Svg));
        assert_eq!(ImageFormat::of(b"%PDF-1.7"), None);
    }

    #[test]
    fn sizes_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(20000u32.to_be_bytes());
        png.extend(300u32.to_be_bytes());
        assert_eq!(ImageFormat::Png.size(&png), Some((20000, 300)));
        assert_eq!(ImageFormat::Png.size(&[0x42; 64]), None);
        assert_eq!(
            ImageFormat::Gif.size(b"GIF89a\x10\x00\x20\x00"),
            Some((16, 32))
        );
        // SOI, an APP0 segment of 4 bytes, then SOF0 of 300 x 200.
        let jpeg = b"\xFF\xD8\xFF\xE0\x00\x04ab\xFF\xC0\x00\x11\x08\x00\xC8\x01\x2C";
        assert_eq!(ImageFormat::Jpeg.size(jpeg), Some((300, 200)));
        let mut vp8x = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0".to_vec();
        vp8x.extend([0x1F, 0x4E, 0x00, 0x0F, 0x27, 0x00]);
        assert_eq!(ImageFormat::WebP.size(&vp8x), Some((20000, 10000)));
        assert_eq!(ImageFormat::Svg.size(b"<svg/>"), None);
    }
}

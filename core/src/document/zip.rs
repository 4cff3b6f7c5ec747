//! A ZIP archive, byte for byte deterministic: what a `.docx` needs, its entries stored, in
//! 80 lines instead of a compression library in the planner's wasm (BENCHMARKS.md, the lever
//! table, compares it with the `zip` and `docx-rs` crates), and the one writer of LMS
//! packages (`kind/course/package.rs`), in the CLI and the browser, whose entries it deflates
//! with the compressor the package gives it ([`archive`]).

/// CRC-32 (IEEE 802.3, reflected, as ZIP uses it), table built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 of `bytes`.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| {
        CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

/// 1980-01-01 00:00, the earliest MS-DOS date: the same bytes every time.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

/// The archive of `entries` (name, content), in that order, every entry stored.
pub(crate) fn stored_archive<N: AsRef<str>, B: AsRef<[u8]>>(entries: &[(N, B)]) -> Vec<u8> {
    archive(entries, |_, _| None)
}

/// The archive of `entries` (name, content), in that order: an entry is deflated (method 8)
/// when `deflate` gives its raw deflate stream for it, else stored (method 0). The writer
/// knows no compression itself: a caller that never deflates links none.
///
/// Entries stay far below 4 GiB (documents of a few KB, packages of a few MB), so no ZIP64
/// is needed; a larger size saturates, which no caller can reach with the input limits in
/// place.
pub(crate) fn archive<N: AsRef<str>, B: AsRef<[u8]>>(
    entries: &[(N, B)],
    deflate: impl Fn(&str, &[u8]) -> Option<Vec<u8>>,
) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let size = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let (name, data) = (name.as_ref(), data.as_ref());
        let offset = size(out.len());
        let crc = crc32(data);
        let deflated = deflate(name, data);
        let (method, stored) = match &deflated {
            Some(deflated) => (8, deflated.as_slice()),
            None => (0, data),
        };
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20); // version needed: 2.0
        u16le(&mut out, 0x0800); // names are UTF-8
        u16le(&mut out, method); // 0 stored, 8 deflated
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, size(stored.len()));
        u32le(&mut out, size(data.len()));
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(stored);
        // Its central directory entry.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by: 2.0, MS-DOS
        u16le(&mut central, 20);
        u16le(&mut central, 0x0800);
        u16le(&mut central, method);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, size(stored.len()));
        u32le(&mut central, size(data.len()));
        u16le(&mut central, name.len() as u16);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = size(out.len());
    let count = entries.len() as u16;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, size(central.len()));
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_lists_its_entries_in_the_central_directory() {
        let zip = stored_archive(&[("a.txt", b"hello".to_vec()), ("b/c.xml", b"<x/>".to_vec())]);
        assert_eq!(&zip[..4], b"PK\x03\x04");
        let end = zip.len() - 22;
        assert_eq!(&zip[end..end + 4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([zip[end + 10], zip[end + 11]]), 2);
        let central = u32::from_le_bytes(zip[end + 16..end + 20].try_into().unwrap()) as usize;
        assert_eq!(&zip[central..central + 4], b"PK\x01\x02");
        assert!(zip.windows(5).any(|w| w == b"hello"));
        assert_eq!(
            stored_archive(&[("a", vec![1])]),
            stored_archive(&[("a", vec![1])])
        );
    }
}

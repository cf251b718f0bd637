//! Decoding: encodings are detected and binary files are rejected.

use gongwen_core::decode::{DecodeError, Encoding, decode_bytes};

use crate::seeds::seed_files;

fn check(bytes: &[u8], expected: Result<(Encoding, &str), DecodeError>) {
    let actual = decode_bytes(bytes).map(|decoded| (decoded.encoding, decoded.text));
    let expected = expected.map(|(encoding, text)| (encoding, text.to_owned()));
    assert_eq!(actual, expected);
}

#[test]
fn utf8_with_and_without_bom() {
    check("一、总体情况".as_bytes(), Ok((Encoding::Utf8, "一、总体情况")));
    check(b"\xEF\xBB\xBF\xE4\xB8\x80", Ok((Encoding::Utf8, "一")));
    check(b"", Ok((Encoding::Utf8, "")));
}

#[test]
fn gbk_and_gb18030_copies_of_the_seeds_decode_to_the_same_text() {
    let mut gbk_copies = 0;
    for (name, bytes) in seed_files() {
        let text = String::from_utf8(bytes).expect("seeds are UTF-8");
        // Seed 004 has a no-break space, which GBK lacks and GB18030 has.
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
        if !unmappable {
            gbk_copies += 1;
            let decoded = decode_bytes(&gbk).expect("GBK decodes");
            assert_eq!((decoded.encoding, decoded.text.as_str()), (Encoding::Gb18030, text.as_str()), "{name}");
        }
        let (gb18030, _, _) = encoding_rs::GB18030.encode(&text);
        let decoded = decode_bytes(&gb18030).expect("GB18030 decodes");
        assert_eq!((decoded.encoding, decoded.text.as_str()), (Encoding::Gb18030, text.as_str()), "{name}");
    }
    assert!(gbk_copies >= 4, "most seeds are plain GBK");
}

#[test]
fn utf16_with_bom_in_both_byte_orders() {
    let text = "（一）突出思想引领，扎实开展主题教育。\r\n";
    let mut little = vec![0xFF, 0xFE];
    little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    check(&little, Ok((Encoding::Utf16Le, text)));
    let mut big = vec![0xFE, 0xFF];
    big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    check(&big, Ok((Encoding::Utf16Be, text)));
    // An odd trailing byte is not UTF-16.
    little.push(0x41);
    check(&little, Err(DecodeError::InvalidUtf16 { encoding: Encoding::Utf16Le }));
}

#[test]
fn binary_files_are_rejected_with_a_clear_error() {
    check(b"abc\x00def", Err(DecodeError::Binary { offset: 3 }));
    check(b"text\x01\x02more", Err(DecodeError::ControlCharacter { code_point: 1 }));
    let message = decode_bytes(b"abc\x00").expect_err("binary").to_string();
    assert!(message.contains("二进制"), "{message}");
}

#[test]
fn bytes_in_no_known_encoding_are_rejected() {
    // 0xFF is neither UTF-8 nor a valid GB18030 lead byte.
    check(b"\xe4\xb8\x80\xff\xff", Err(DecodeError::UnknownEncoding { offset: 3 }));
}

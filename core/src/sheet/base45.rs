//! Base45 (RFC 9285): bytes as text in the 45 characters of the QR code's alphanumeric
//! mode (`0-9`, `A-Z`, space, `$%*+-./:`). Two bytes become three characters, a last
//! single byte two characters.

/// The alphabet of RFC 9285 §4, in value order.
pub const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Encodes `bytes` as Base45 text.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    let mut push = |v: u32| {
        let c = ALPHABET
            .get(usize::try_from(v % 45).unwrap_or(0))
            .copied()
            .unwrap_or(b'0');
        out.push(char::from(c));
    };
    for pair in bytes.chunks(2) {
        match pair {
            [a, b] => {
                let n = u32::from(*a) * 256 + u32::from(*b);
                push(n % 45);
                push(n / 45 % 45);
                push(n / 2025);
            }
            [a] => {
                let n = u32::from(*a);
                push(n % 45);
                push(n / 45);
            }
            _ => {}
        }
    }
    out
}

/// Why Base45 text could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A character outside the alphabet, at this character position (0-based).
    Character(usize),
    /// The length leaves one character over (a cut-off text).
    Length,
    /// A group's value is larger than its bytes can hold.
    Value,
}

fn value(c: char, at: usize) -> Result<u32, DecodeError> {
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .and_then(|p| u32::try_from(p).ok())
        .ok_or(DecodeError::Character(at))
}

/// Decodes Base45 text (upper case, exactly the alphabet) into bytes.
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 3 * 2 + 1);
    for (g, group) in chars.chunks(3).enumerate() {
        let at = g * 3;
        match group {
            [c, d, e] => {
                let n = value(*c, at)? + value(*d, at + 1)? * 45 + value(*e, at + 2)? * 2025;
                let hi = u8::try_from(n / 256).map_err(|_| DecodeError::Value)?;
                let lo = u8::try_from(n % 256).map_err(|_| DecodeError::Value)?;
                out.push(hi);
                out.push(lo);
            }
            [c, d] => {
                let n = value(*c, at)? + value(*d, at + 1)? * 45;
                out.push(u8::try_from(n).map_err(|_| DecodeError::Value)?);
            }
            _ => {
                // Validate the character before reporting the length.
                if let Some(c) = group.first() {
                    value(*c, at)?;
                }
                return Err(DecodeError::Length);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The examples of RFC 9285 §4.3 and §4.4, by hand from the RFC's text.
    #[test]
    fn rfc_9285_examples_encode() {
        assert_eq!(encode(b"AB"), "BB8");
        assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(encode(b"ietf!"), "QED8WEX0");
        assert_eq!(encode(b""), "");
    }

    #[test]
    fn rfc_9285_examples_decode() {
        assert_eq!(decode("QED8WEX0").unwrap(), b"ietf!");
        assert_eq!(decode("%69 VD92EX0").unwrap(), b"Hello!!");
        assert_eq!(decode("BB8").unwrap(), b"AB");
    }

    #[test]
    fn bad_text_is_refused() {
        // RFC 9285 §6: "GGW" is 65535+1 = 65536, too large for two bytes.
        assert_eq!(decode("GGW"), Err(DecodeError::Value));
        assert_eq!(decode("BB8B"), Err(DecodeError::Length));
        assert_eq!(decode("BBa"), Err(DecodeError::Character(2)));
        assert_eq!(decode("BB8b"), Err(DecodeError::Character(3)));
        // Two characters whose value exceeds one byte: ":" is 44, 44 + 44*45 = 2024.
        assert_eq!(decode("::"), Err(DecodeError::Value));
    }

    #[test]
    fn every_byte_pair_round_trips() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        assert_eq!(decode(&encode(&bytes)).unwrap(), bytes);
        assert_eq!(decode(&encode(&[0xff])).unwrap(), vec![0xff]);
    }
}

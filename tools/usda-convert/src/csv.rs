//! A small, strict RFC 4180 CSV reader: comma-separated fields, records
//! ending in LF or CRLF, fields optionally in double quotes, which may then
//! hold commas, line breaks and doubled quotes (`""` is one `"`).

use std::fmt;
use std::iter::Peekable;
use std::str::Chars;

/// One CSV record and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a text is not valid CSV, and on which line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for CsvError {}

/// Parses `text`, checks that its first record is exactly `header` and that
/// every record has as many fields; returns the records after the header.
pub fn parse_with_header(text: &str, header: &[&str]) -> Result<Vec<Record>, CsvError> {
    let mut records = parse(text)?.into_iter();
    let first = records.next().ok_or_else(|| CsvError {
        line: 1,
        message: format!("empty file, expected the header `{}`", header.join(",")),
    })?;
    if first.fields != header {
        return Err(CsvError {
            line: first.line,
            message: format!(
                "header is `{}`, expected `{}`",
                first.fields.join(","),
                header.join(",")
            ),
        });
    }
    records
        .map(|record| check_field_count(record, header.len()))
        .collect()
}

fn check_field_count(record: Record, expected: usize) -> Result<Record, CsvError> {
    if record.fields.len() == expected {
        Ok(record)
    } else {
        Err(CsvError {
            line: record.line,
            message: format!("{} fields, expected {expected}", record.fields.len()),
        })
    }
}

/// Parses every record of `text`. A final line break is optional; an empty
/// text has no records.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let mut parser = Parser {
        chars: text.chars().peekable(),
        line: 1,
    };
    let mut records = Vec::new();
    while parser.chars.peek().is_some() {
        records.push(parser.record()?);
    }
    Ok(records)
}

/// What ended a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Field,
    Record,
    Text,
}

struct Parser<'a> {
    chars: Peekable<Chars<'a>>,
    /// The line the parser is on (1-based).
    line: usize,
}

impl Parser<'_> {
    fn record(&mut self) -> Result<Record, CsvError> {
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            let (field, end) = self.field()?;
            fields.push(field);
            match end {
                End::Field => {}
                End::Record => {
                    self.line += 1;
                    break;
                }
                End::Text => break,
            }
        }
        Ok(Record { line, fields })
    }

    fn field(&mut self) -> Result<(String, End), CsvError> {
        if self.chars.next_if_eq(&'"').is_some() {
            self.quoted_field()
        } else {
            self.plain_field()
        }
    }

    fn plain_field(&mut self) -> Result<(String, End), CsvError> {
        let mut field = String::new();
        while let Some(c) = self.chars.next() {
            if c == '"' {
                return Err(self.error("quote inside an unquoted field"));
            }
            if let Some(end) = self.end_of_field(c)? {
                return Ok((field, end));
            }
            field.push(c);
        }
        Ok((field, End::Text))
    }

    fn quoted_field(&mut self) -> Result<(String, End), CsvError> {
        let start = self.line;
        let mut field = String::new();
        loop {
            match self.chars.next() {
                None => {
                    return Err(CsvError {
                        line: start,
                        message: "quoted field never closed".to_string(),
                    })
                }
                Some('"') if self.chars.next_if_eq(&'"').is_some() => field.push('"'),
                Some('"') => return self.after_closing_quote(field),
                Some(c) => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    field.push(c);
                }
            }
        }
    }

    /// A closing quote must end the field.
    fn after_closing_quote(&mut self, field: String) -> Result<(String, End), CsvError> {
        let Some(c) = self.chars.next() else {
            return Ok((field, End::Text));
        };
        match self.end_of_field(c)? {
            Some(end) => Ok((field, end)),
            None => Err(self.error("text after a closing quote")),
        }
    }

    /// `Some(end)` if `c` (just read) ends a field, `None` if it is content.
    fn end_of_field(&mut self, c: char) -> Result<Option<End>, CsvError> {
        Ok(match c {
            ',' => Some(End::Field),
            '\n' => Some(End::Record),
            '\r' if self.chars.next_if_eq(&'\n').is_some() => Some(End::Record),
            '\r' => return Err(self.error("carriage return without a line feed")),
            _ => None,
        })
    }

    fn error(&self, message: &str) -> CsvError {
        CsvError {
            line: self.line,
            message: message.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text)
            .unwrap()
            .into_iter()
            .map(|record| record.fields)
            .collect()
    }

    fn error(text: &str) -> CsvError {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_plain_fields() {
        assert_eq!(fields("a,b,c\n1,,3\n"), [["a", "b", "c"], ["1", "", "3"]]);
        assert_eq!(fields("a,b"), [["a", "b"]]);
        assert_eq!(fields("a,\n"), [["a", ""]]);
        assert_eq!(fields("\n"), [[""]]);
        assert!(fields("").is_empty());
    }

    #[test]
    fn reads_quoted_fields() {
        assert_eq!(
            fields("09040,\"Bananas, raw\",0900\n"),
            [["09040", "Bananas, raw", "0900"]]
        );
        assert_eq!(
            fields("1,\"pat (1\"\" sq, 1/3\"\" high)\",5.0\n"),
            [["1", "pat (1\" sq, 1/3\" high)", "5.0"]]
        );
        assert_eq!(fields("\"\",\"\"\"\"\n"), [["", "\""]]);
        assert_eq!(fields("\"a\",b"), [["a", "b"]]);
        assert_eq!(fields("\"é, ü\""), [["é, ü"]]);
    }

    #[test]
    fn quoted_line_breaks_belong_to_the_field() {
        let records = parse("\"two\nlines\",x\nnext,y\n").unwrap();
        assert_eq!(records[0].fields, ["two\nlines", "x"]);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].fields, ["next", "y"]);
    }

    #[test]
    fn accepts_crlf_line_ends() {
        let records = parse("a,\"b\"\r\nc,d\r\n").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].line, 2);
        assert_eq!(records[1].fields, ["c", "d"]);
    }

    #[test]
    fn refuses_malformed_quoting() {
        assert_eq!(error("a,b\"c\n").message, "quote inside an unquoted field");
        assert_eq!(error("x\n\"abc\"d,e\n").line, 2);
        assert_eq!(error("\"abc\"d\n").message, "text after a closing quote");
        let unclosed = error("a\n\"abc,\ndef\n");
        assert_eq!(
            (unclosed.line, unclosed.message.as_str()),
            (2, "quoted field never closed")
        );
        assert_eq!(
            error("a\rb\n").message,
            "carriage return without a line feed"
        );
    }

    #[test]
    fn checks_header_and_field_counts() {
        let records = parse_with_header("x,y\n1,2\n3,\"4,5\"\n", &["x", "y"]).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].line, 3);

        let wrong_header = parse_with_header("x,z\n1,2\n", &["x", "y"]).unwrap_err();
        assert_eq!(wrong_header.message, "header is `x,z`, expected `x,y`");
        let short = parse_with_header("x,y\n1,2\n3\n", &["x", "y"]).unwrap_err();
        assert_eq!(
            short,
            CsvError {
                line: 3,
                message: "1 fields, expected 2".into()
            }
        );
        let blank_line = parse_with_header("x,y\n\n1,2\n", &["x", "y"]).unwrap_err();
        assert_eq!(blank_line.line, 2);
        let empty = parse_with_header("", &["x", "y"]).unwrap_err();
        assert_eq!(
            empty.to_string(),
            "line 1: empty file, expected the header `x,y`"
        );
    }
}

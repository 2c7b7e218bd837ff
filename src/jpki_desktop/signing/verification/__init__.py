"""The verifier: `verify` dispatches by format to the CMS (`cms_check`, strict DER by `ber`),
XML (`xml_check`) and timestamp (`timestamp_check`) checks; trust comes from the one trust
module. It returns a `verdict.Verdict`, which `grade` sums up for a resident."""

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Banner</name>
    <message>
        <location filename="../widgets/banner.py" line="60"/>
        <source>See &amp;expiry</source>
        <translation>See &amp;expiry</translation>
    </message>
    <message>
        <location filename="../widgets/banner.py" line="61"/>
        <source>Open &amp;diagnostics</source>
        <translation>Open &amp;diagnostics</translation>
    </message>
</context>
<context>
    <name>CardStep</name>
    <message>
        <location filename="../flow/step_card.py" line="28"/>
        <source>Reader and card</source>
        <translation>Reader and card</translation>
    </message>
    <message>
        <location filename="../flow/step_card.py" line="38"/>
        <source>This card has no signing certificate (for example, it was issued before age 15). Online applications need one: ask your municipal office.</source>
        <translation>This card has no signing certificate (for example, it was issued before age 15). Online applications need one: ask your municipal office.</translation>
    </message>
    <message>
        <location filename="../flow/step_card.py" line="61"/>
        <source>%1 in %2: ready to sign.</source>
        <translation>%1 in %2: ready to sign.</translation>
    </message>
    <message>
        <location filename="../flow/step_card.py" line="19"/>
        <source>Connect your IC card reader and insert your My Number card. The card is checked without using a password try.</source>
        <translation>Connect your IC card reader and insert your My Number card. The card is checked without using a password try.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../pages/certificates.py" line="90"/>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="110"/>
        <source>The signing certificate is shown after the signing password. It holds your name, address, date of birth and sex.</source>
        <translation>The signing certificate is shown after the signing password. It holds your name, address, date of birth and sex.</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="123"/>
        <source>A smartphone releases its user authentication certificate only after the user authentication PIN.</source>
        <translation>A smartphone releases its user authentication certificate only after the user authentication PIN.</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="135"/>
        <source>Save certificate</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="150"/>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="152"/>
        <source>The file will contain your name, address, date of birth and sex. Save it anyway?</source>
        <translation>The file will contain your name, address, date of birth and sex. Save it anyway?</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="155"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="197"/>
        <source>This card has no signing certificate.</source>
        <translation>This card has no signing certificate.</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="207"/>
        <source>Enter the signing password to read this certificate from the card.</source>
        <translation>Enter the signing password to read this certificate from the card.</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="214"/>
        <source>Enter the user authentication PIN to read this certificate from the smartphone.</source>
        <translation>Enter the user authentication PIN to read this certificate from the smartphone.</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="220"/>
        <source>Not found on the card.</source>
        <translation>Not found on the card.</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="228"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="229"/>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="230"/>
        <source>CA generation</source>
        <translation>CA generation</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="231"/>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="232"/>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="233"/>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="234"/>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="234"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="235"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="240"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="241"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="243"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="244"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="244"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="245"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="248"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="251"/>
        <source>OCSP responder</source>
        <translation>OCSP responder</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="253"/>
        <source>CRL</source>
        <translation>CRL</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="47"/>
        <source>Certificates on the card</source>
        <translation>Certificates on the card</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="55"/>
        <source>The signing certificate records your name, address, date of birth and sex (the basic four attributes). The card releases it only after the signing password. Share it only with services you trust.</source>
        <translation>The signing certificate records your name, address, date of birth and sex (the basic four attributes). The card releases it only after the signing password. Share it only with services you trust.</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="64"/>
        <source>Enter the &amp;signing password to show it…</source>
        <translation>Enter the &amp;signing password to show it…</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="70"/>
        <source>Enter the user &amp;authentication PIN to show it…</source>
        <translation>Enter the user &amp;authentication PIN to show it…</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="73"/>
        <source>Save as &amp;PEM…</source>
        <translation>Save as &amp;PEM…</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="75"/>
        <source>Save as &amp;DER…</source>
        <translation>Save as &amp;DER…</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../dialogs/change_pin.py" line="101"/>
        <source>C&amp;urrent:</source>
        <translation>C&amp;urrent:</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="102"/>
        <source>&amp;New:</source>
        <translation>&amp;New:</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="103"/>
        <source>Con&amp;firm new:</source>
        <translation>Con&amp;firm new:</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="184"/>
        <source>6 to 16 characters</source>
        <translation>6 to 16 characters</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="186"/>
        <source>Only letters A-Z and digits 0-9 (lower case counts as upper case)</source>
        <translation>Only letters A-Z and digits 0-9 (lower case counts as upper case)</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="188"/>
        <source>Contains both a letter and a digit</source>
        <translation>Contains both a letter and a digit</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="189"/>
        <location filename="../dialogs/change_pin.py" line="195"/>
        <source>Half-width, no spaces (input method off)</source>
        <translation>Half-width, no spaces (input method off)</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="190"/>
        <location filename="../dialogs/change_pin.py" line="196"/>
        <source>Both new entries match</source>
        <translation>Both new entries match</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="193"/>
        <source>Exactly 4 digits</source>
        <translation>Exactly 4 digits</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="194"/>
        <source>Digits 0-9 only</source>
        <translation>Digits 0-9 only</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="242"/>
        <source>The %1 was changed. Use the new one from now on.</source>
        <translation>The %1 was changed. Use the new one from now on.</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="63"/>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="69"/>
        <source>Which one</source>
        <translation>Which one</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="73"/>
        <source>&amp;Signing password (6-16 characters)</source>
        <translation>&amp;Signing password (6-16 characters)</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="78"/>
        <source>User &amp;authentication PIN (4 digits)</source>
        <translation>User &amp;authentication PIN (4 digits)</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="95"/>
        <source>C&amp;hange</source>
        <translation>C&amp;hange</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="96"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../diagnostics_texts.py" line="26"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="27"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="28"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="29"/>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="37"/>
        <source>PC/SC library</source>
        <translation>PC/SC library</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="38"/>
        <source>Smart card service</source>
        <translation>Smart card service</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="39"/>
        <source>Card readers</source>
        <translation>Card readers</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="40"/>
        <source>Card in the reader</source>
        <translation>Card in the reader</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="41"/>
        <source>Card type (ATR)</source>
        <translation>Card type (ATR)</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="42"/>
        <source>Reader not used by another program</source>
        <translation>Reader not used by another program</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="43"/>
        <source>JPKI application</source>
        <translation>JPKI application</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="44"/>
        <source>Kind of card</source>
        <translation>Kind of card</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="45"/>
        <source>Certificates on the card</source>
        <translation>Certificates on the card</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="46"/>
        <source>Signing password</source>
        <translation>Signing password</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="47"/>
        <source>User authentication PIN</source>
        <translation>User authentication PIN</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="48"/>
        <source>Certificate expiry</source>
        <translation>Certificate expiry</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="61"/>
        <source>Not checked: an earlier check did not pass.</source>
        <translation>Not checked: an earlier check did not pass.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="65"/>
        <source>Blocked (0 of %1 tries left).</source>
        <translation>Blocked (0 of %1 tries left).</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="69"/>
        <source>%1 of %2 tries left.</source>
        <translation>%1 of %2 tries left.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="75"/>
        <source>Loaded.</source>
        <translation>Loaded.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="76"/>
        <source>The service answers.</source>
        <translation>The service answers.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="77"/>
        <source>Readers found: %1.</source>
        <translation>Readers found: %1.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="80"/>
        <source>A card is in the reader.</source>
        <translation>A card is in the reader.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="81"/>
        <source>A My Number card was recognised.</source>
        <translation>A My Number card was recognised.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="82"/>
        <source>Connected; no other program holds the reader.</source>
        <translation>Connected; no other program holds the reader.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="85"/>
        <source>The JPKI application answers.</source>
        <translation>The JPKI application answers.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="86"/>
        <source>My Number card.</source>
        <translation>My Number card.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="87"/>
        <source>Both certificates are on the card.</source>
        <translation>Both certificates are on the card.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="88"/>
        <source>Valid for more than three months.</source>
        <translation>Valid for more than three months.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="89"/>
        <source>No problem found.</source>
        <translation>No problem found.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="91"/>
        <source>The PC/SC library could not be loaded: install pcsc-lite (libpcsclite).</source>
        <translation>The PC/SC library could not be loaded: install pcsc-lite (libpcsclite).</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="94"/>
        <source>The smart card service is not running. Linux: sudo systemctl enable --now pcscd.socket (Flatpak: allow the pcsc socket). Windows: start the Smart Card service.</source>
        <translation>The smart card service is not running. Linux: sudo systemctl enable --now pcscd.socket (Flatpak: allow the pcsc socket). Windows: start the Smart Card service.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="98"/>
        <source>No card reader found: connect it directly to the computer and check its driver.</source>
        <translation>No card reader found: connect it directly to the computer and check its driver.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="102"/>
        <source>No card in the reader: insert the My Number card.</source>
        <translation>No card in the reader: insert the My Number card.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="105"/>
        <source>The card type was not recognised: is it a My Number card, inserted the right way?</source>
        <translation>The card type was not recognised: is it a My Number card, inserted the right way?</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="109"/>
        <source>Another program holds the reader: close it and check again.</source>
        <translation>Another program holds the reader: close it and check again.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="112"/>
        <source>The card does not answer as a JPKI card: it may not be a My Number card.</source>
        <translation>The card does not answer as a JPKI card: it may not be a My Number card.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="116"/>
        <source>This is not a My Number card (for example an old resident register card).</source>
        <translation>This is not a My Number card (for example an old resident register card).</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="120"/>
        <source>A certificate is missing on the card: the municipal office can issue it.</source>
        <translation>A certificate is missing on the card: the municipal office can issue it.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="124"/>
        <source>The signing password has had wrong entries: enter it only if you are sure.</source>
        <translation>The signing password has had wrong entries: enter it only if you are sure.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="128"/>
        <source>The user authentication PIN has had wrong entries: enter it only if you are sure.</source>
        <translation>The user authentication PIN has had wrong entries: enter it only if you are sure.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="132"/>
        <source>The certificate expires soon or has expired: renew it at the municipal office.</source>
        <translation>The certificate expires soon or has expired: renew it at the municipal office.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="137"/>
        <source>See the technical details.</source>
        <translation>See the technical details.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="157"/>
        <source>Enter it only when you are sure of it: each wrong entry spends a try, and at 0 it is blocked.</source>
        <translation>Enter it only when you are sure of it: each wrong entry spends a try, and at 0 it is blocked.</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="169"/>
        <source>jpki-desktop diagnostic report</source>
        <translation>jpki-desktop diagnostic report</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="170"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="171"/>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="172"/>
        <source>masked (no My Number, name, address, birth date, certificate serial, subject or exact expiry date)</source>
        <translation>masked (no My Number, name, address, birth date, certificate serial, subject or exact expiry date)</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="177"/>
        <source>NOT MASKED: check before sending this report</source>
        <translation>NOT MASKED: check before sending this report</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="178"/>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="179"/>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="180"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="181"/>
        <source>Technical details</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="182"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="183"/>
        <source>Commands sent to the card (APDUs)</source>
        <translation>Commands sent to the card (APDUs)</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="184"/>
        <source>reader</source>
        <translation>reader</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <location filename="../pages/diagnostics.py" line="83"/>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="28"/>
        <source>Save the diagnostic report</source>
        <translation>Save the diagnostic report</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="142"/>
        <source>Personal data (My Number, name, address, birth date, certificate serials) is masked.</source>
        <translation>Personal data (My Number, name, address, birth date, certificate serials) is masked.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/diagnostics.py" line="152"/>
        <source>Checking… (%n check(s) done)</source>
        <translation>
            <numerusform>Checking… (%n check done)</numerusform>
            <numerusform>Checking… (%n checks done)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="156"/>
        <source>Everything looks fine.</source>
        <translation>Everything looks fine.</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="157"/>
        <source>Some items need attention.</source>
        <translation>Some items need attention.</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="158"/>
        <source>A problem was found: see what to do below.</source>
        <translation>A problem was found: see what to do below.</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="164"/>
        <source>Checks the smart card service, the reader and the card without using a password try.</source>
        <translation>Checks the smart card service, the reader and the card without using a password try.</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="180"/>
        <source>What to do:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="191"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="54"/>
        <source>&amp;Run the checks</source>
        <translation>&amp;Run the checks</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="57"/>
        <source>&amp;Save report for the help desk…</source>
        <translation>&amp;Save report for the help desk…</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="66"/>
        <source>Show &amp;technical details (English)</source>
        <translation>Show &amp;technical details (English)</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="62"/>
        <source>Re&amp;port language:</source>
        <translation>Re&amp;port language:</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="198"/>
        <source>Same as the app</source>
        <translation>Same as the app</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="200"/>
        <source>Japanese and English</source>
        <translation>Japanese and English</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../dialogs/common.py" line="73"/>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="74"/>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="126"/>
        <source>Look in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="127"/>
        <source>File name:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="128"/>
        <source>Files of type:</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="129"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="136"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="140"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="28"/>
        <source>Last try</source>
        <translation>Last try</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="29"/>
        <source>Only one try is left for the %1. If this entry is wrong, it is blocked and only the municipal office (or the kiosk route) can reset it.</source>
        <translation>Only one try is left for the %1. If this entry is wrong, it is blocked and only the municipal office (or the kiosk route) can reset it.</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="35"/>
        <source>Use the last try now?</source>
        <translation>Use the last try now?</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="36"/>
        <source>&amp;Use the last try</source>
        <translation>&amp;Use the last try</translation>
    </message>
</context>
<context>
    <name>Expiry</name>
    <message>
        <location filename="../expiry_texts.py" line="15"/>
        <source>Signing certificate</source>
        <translation>Signing certificate</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="16"/>
        <source>User authentication certificate</source>
        <translation>User authentication certificate</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="17"/>
        <source>My Number card</source>
        <translation>My Number card</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="25"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="26"/>
        <source>Valid; renewal is open</source>
        <translation>Valid; renewal is open</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="27"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="28"/>
        <source>Not issued</source>
        <translation>Not issued</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="29"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="37"/>
        <source>the 5th birthday after issue</source>
        <translation>the 5th birthday after issue</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="38"/>
        <source>the 10th birthday after issue</source>
        <translation>the 10th birthday after issue</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="39"/>
        <source>shortened to the card&apos;s own expiry</source>
        <translation>shortened to the card&apos;s own expiry</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="40"/>
        <source>shortened to the end of the period of stay</source>
        <translation>shortened to the end of the period of stay</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="43"/>
        <source>the expiry printed on the card</source>
        <translation>the expiry printed on the card</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="44"/>
        <source>as stated in the certificate (matches no known rule)</source>
        <translation>as stated in the certificate (matches no known rule)</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="54"/>
        <source>No signing certificate is issued to holders under 15.</source>
        <translation>No signing certificate is issued to holders under 15.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="57"/>
        <source>The card holds no such certificate.</source>
        <translation>The card holds no such certificate.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="58"/>
        <source>Not issued yet.</source>
        <translation>Not issued yet.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="59"/>
        <source>Enter your date of birth to compute this.</source>
        <translation>Enter your date of birth to compute this.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="62"/>
        <source>The issue date is needed to compute this.</source>
        <translation>The issue date is needed to compute this.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="72"/>
        <source>I moved (new address)</source>
        <translation>I moved (new address)</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="73"/>
        <source>I married and my name changed</source>
        <translation>I married and my name changed</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="74"/>
        <source>I divorced and my name changed</source>
        <translation>I divorced and my name changed</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="75"/>
        <source>My name changed for another reason</source>
        <translation>My name changed for another reason</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="76"/>
        <source>My registered date of birth was corrected</source>
        <translation>My registered date of birth was corrected</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="79"/>
        <source>My registered sex changed</source>
        <translation>My registered sex changed</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="87"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="88"/>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="89"/>
        <source>date of birth</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="90"/>
        <source>sex</source>
        <translation>sex</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="98"/>
        <source>The card&apos;s records match your signing certificate.</source>
        <translation>The card&apos;s records match your signing certificate.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="101"/>
        <source>The card&apos;s records differ from your signing certificate: it has been revoked.</source>
        <translation>The card&apos;s records differ from your signing certificate: it has been revoked.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="105"/>
        <source>Your signing certificate will be revoked when the change is registered.</source>
        <translation>Your signing certificate will be revoked when the change is registered.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="108"/>
        <source>Nothing to check: no change declared.</source>
        <translation>Nothing to check: no change declared.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="116"/>
        <source>Bring the card when you notify the change at the municipal office.</source>
        <translation>Bring the card when you notify the change at the municipal office.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="119"/>
        <source>Apply for a new signing certificate at the municipal office.</source>
        <translation>Apply for a new signing certificate at the municipal office.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="122"/>
        <source>Nothing to do.</source>
        <translation>Nothing to do.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="130"/>
        <source>Valid (not revoked)</source>
        <translation>Valid (not revoked)</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="131"/>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="132"/>
        <source>Not valid</source>
        <translation>Not valid</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="133"/>
        <source>Could not be checked</source>
        <translation>Could not be checked</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="141"/>
        <source>checked online (OCSP)</source>
        <translation>checked online (OCSP)</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="142"/>
        <source>checked online (CRL)</source>
        <translation>checked online (CRL)</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="143"/>
        <source>checked offline against a saved CRL</source>
        <translation>checked offline against a saved CRL</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="144"/>
        <source>no revocation data</source>
        <translation>no revocation data</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="152"/>
        <source>not issued by a JPKI certificate authority</source>
        <translation>not issued by a JPKI certificate authority</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="155"/>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="156"/>
        <source>not valid yet</source>
        <translation>not valid yet</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="157"/>
        <source>the chain to the certificate authority is broken</source>
        <translation>the chain to the certificate authority is broken</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="160"/>
        <source>not a JPKI certificate</source>
        <translation>not a JPKI certificate</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="161"/>
        <source>its J-LIS certificate authority is not bundled (2019 generation), so it cannot be verified here</source>
        <translation>its J-LIS certificate authority is not bundled (2019 generation), so it cannot be verified here</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="165"/>
        <source>no revocation responder is known</source>
        <translation>no revocation responder is known</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="166"/>
        <source>the revocation responders did not answer usably</source>
        <translation>the revocation responders did not answer usably</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="169"/>
        <source>the responder does not know this certificate</source>
        <translation>the responder does not know this certificate</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="172"/>
        <source>the saved CRL is too old</source>
        <translation>the saved CRL is too old</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="184"/>
        <source>Enter a date.</source>
        <translation>Enter a date.</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="185"/>
        <source>Not a date this page reads. Write it like 1985-06-30, 1985/6/30 or S60.6.30 (Japanese era).</source>
        <translation>Not a date this page reads. Write it like 1985-06-30, 1985/6/30 or S60.6.30 (Japanese era).</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="192"/>
        <source>That year is outside the era (for example Heisei ended on 30 April 2019).</source>
        <translation>That year is outside the era (for example Heisei ended on 30 April 2019).</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="189"/>
        <source>This day does not exist in the calendar.</source>
        <translation>This day does not exist in the calendar.</translation>
    </message>
</context>
<context>
    <name>ExpiryPage</name>
    <message>
        <location filename="../pages/expiry.py" line="205"/>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="270"/>
        <source>The card-info PIN (4 digits) lets the card show the name, address, date of birth and sex it records, to compare them with your signing certificate.</source>
        <translation>The card-info PIN (4 digits) lets the card show the name, address, date of birth and sex it records, to compare them with your signing certificate.</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="290"/>
        <source>Differs: %1</source>
        <translation>Differs: %1</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="297"/>
        <source>Your user authentication certificate keeps working (it holds no personal data).</source>
        <translation>Your user authentication certificate keeps working (it holds no personal data).</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="304"/>
        <source>To compare with the card&apos;s records, first show the signing certificate (Certificates page).</source>
        <translation>To compare with the card&apos;s records, first show the signing certificate (Certificates page).</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="378"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="389"/>
        <source>(CRL issued %1)</source>
        <translation>(CRL issued %1)</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="396"/>
        <source>Not checked yet in this session.</source>
        <translation>Not checked yet in this session.</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="400"/>
        <source>(Demo: answered by the demo card&apos;s test CA on this computer, not by J-LIS.)</source>
        <translation>(Demo: answered by the demo card&apos;s test CA on this computer, not by J-LIS.)</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="50"/>
        <source>Save calendar reminders</source>
        <translation>Save calendar reminders</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="423"/>
        <source>Import the file into your calendar: reminders when renewal opens, 30 days before and on the expiry day.</source>
        <translation>Import the file into your calendar: reminders when renewal opens, 30 days before and on the expiry day.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/expiry.py" line="437"/>
        <source>valid until %1 (%n days left)</source>
        <translation>
            <numerusform>valid until %1 (%n day left)</numerusform>
            <numerusform>valid until %1 (%n days left)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="442"/>
        <source>expired on %1</source>
        <translation>expired on %1</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="444"/>
        <source>renewal from %1</source>
        <translation>renewal from %1</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="447"/>
        <source>expiry notice arrives %1 – %2</source>
        <translation>expiry notice arrives %1 – %2</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="452"/>
        <source>limit: %1</source>
        <translation>limit: %1</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="454"/>
        <source>renewing means applying for a new card</source>
        <translation>renewing means applying for a new card</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="456"/>
        <source>estimated: enter the expiry printed on the card for certainty</source>
        <translation>estimated: enter the expiry printed on the card for certainty</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="457"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="457"/>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="462"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="463"/>
        <source>Renewal</source>
        <translation>Renewal</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="464"/>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="465"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="109"/>
        <source>Facts the card does not tell (optional)</source>
        <translation>Facts the card does not tell (optional)</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="119"/>
        <source>Date of &amp;birth:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="116"/>
        <source>e.g. 1985-06-30, 1985/6/30 or S60.6.30</source>
        <translation>e.g. 1985-06-30, 1985/6/30 or S60.6.30</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="120"/>
        <source>E&amp;xpiry printed on the card:</source>
        <translation>E&amp;xpiry printed on the card:</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="121"/>
        <source>End of &amp;period of stay:</source>
        <translation>End of &amp;period of stay:</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="139"/>
        <source>Card applied for before &amp;April 2022</source>
        <translation>Card applied for before &amp;April 2022</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="145"/>
        <source>Save calendar &amp;reminders (.ics)…</source>
        <translation>Save calendar &amp;reminders (.ics)…</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="149"/>
        <source>Did your name or address change?</source>
        <translation>Did your name or address change?</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="156"/>
        <source>Moving or a change of name revokes the signing certificate, even before it expires. The user authentication certificate keeps working.</source>
        <translation>Moving or a change of name revokes the signing certificate, even before it expires. The user authentication certificate keeps working.</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="171"/>
        <source>Co&amp;mpare with the card&apos;s records (card-info PIN)…</source>
        <translation>Co&amp;mpare with the card&apos;s records (card-info PIN)…</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="183"/>
        <source>Validity check (自己の電子証明書の有効性確認)</source>
        <translation>Validity check (自己の電子証明書の有効性確認)</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="189"/>
        <source>Check &amp;validity now</source>
        <translation>Check &amp;validity now</translation>
    </message>
</context>
<context>
    <name>FileTypes</name>
    <message>
        <location filename="../dialogs/file_types.py" line="35"/>
        <source>PDF files</source>
        <translation>PDF files</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="36"/>
        <source>Signed files</source>
        <translation>Signed files</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="37"/>
        <source>Encrypted package</source>
        <translation>Encrypted package</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="38"/>
        <source>PEM certificate</source>
        <translation>PEM certificate</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="39"/>
        <source>DER certificate</source>
        <translation>DER certificate</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="40"/>
        <source>Text files</source>
        <translation>Text files</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="41"/>
        <source>Calendar files</source>
        <translation>Calendar files</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="42"/>
        <source>All files</source>
        <translation>All files</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <location filename="../flow/step.py" line="92"/>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <location filename="../pages/flow.py" line="105"/>
        <source>Apply online</source>
        <translation>Apply online</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/flow.py" line="195"/>
        <source>%n application(s) left from an earlier session were delivered.</source>
        <translation>
            <numerusform>%n application left from an earlier session was delivered.</numerusform>
            <numerusform>%n applications left from an earlier session were delivered.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/flow.py" line="66"/>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../pages/flow.py" line="67"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>FormStep</name>
    <message>
        <location filename="../flow/step_form.py" line="220"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="348"/>
        <source>The card-info PIN (4 digits) lets the card show the name, address and date of birth it records, to fill them in on the form.</source>
        <translation>The card-info PIN (4 digits) lets the card show the name, address and date of birth it records, to fill them in on the form.</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="378"/>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="404"/>
        <source>The certificate read from the card is not a signing certificate with your name and address. Nothing was signed.</source>
        <translation>The certificate read from the card is not a signing certificate with your name and address. Nothing was signed.</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="411"/>
        <source>%1 does not match your signing certificate. Enter it as recorded on your card, or fill it in from the card.</source>
        <translation>%1 does not match your signing certificate. Enter it as recorded on your card, or fill it in from the card.</translation>
    </message>
    <message numerus="yes">
        <location filename="../flow/step_form.py" line="462"/>
        <source>%n item(s) need attention.</source>
        <translation>
            <numerusform>%n item needs attention.</numerusform>
            <numerusform>%n items need attention.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="482"/>
        <source>(required)</source>
        <translation>(required)</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="487"/>
        <location filename="../flow/step_form.py" line="489"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="150"/>
        <source>Fill in the form. Items marked as required must be filled in. The name, address and date of birth must match your signing certificate.</source>
        <translation>Fill in the form. Items marked as required must be filled in. The name, address and date of birth must match your signing certificate.</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="167"/>
        <source>Name, address and date of birth are checked against your signing certificate before the card signs. Fill them in from the card to avoid a mismatch.</source>
        <translation>Name, address and date of birth are checked against your signing certificate before the card signs. Fill them in from the card to avoid a mismatch.</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="176"/>
        <source>Fill in from the car&amp;d (card-info PIN, 4 digits)…</source>
        <translation>Fill in from the car&amp;d (card-info PIN, 4 digits)…</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="180"/>
        <source>Fill in from the card with the card-info PIN</source>
        <translation>Fill in from the card with the card-info PIN</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="186"/>
        <source>Fill in name, address and date of birth from the &amp;signing certificate</source>
        <translation>Fill in name, address and date of birth from the &amp;signing certificate</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="202"/>
        <source>&amp;Add file…</source>
        <translation>&amp;Add file…</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="206"/>
        <source>Re&amp;move file</source>
        <translation>Re&amp;move file</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../help.py" line="28"/>
        <source>My card</source>
        <translation>My card</translation>
    </message>
    <message>
        <location filename="../help.py" line="30"/>
        <source>Shows the reader, the card, and how many tries are left for each password. Reading the counters never spends a try.</source>
        <translation>Shows the reader, the card, and how many tries are left for each password. Reading the counters never spends a try.</translation>
    </message>
    <message>
        <location filename="../help.py" line="35"/>
        <source>A blocked password cannot be unlocked here: the page says where to reset it (the municipal office, or a convenience-store kiosk when the other password still works).</source>
        <translation>A blocked password cannot be unlocked here: the page says where to reset it (the municipal office, or a convenience-store kiosk when the other password still works).</translation>
    </message>
    <message>
        <location filename="../help.py" line="41"/>
        <source>The banner at the top shows the most urgent thing to do, for example a certificate that expires soon.</source>
        <translation>The banner at the top shows the most urgent thing to do, for example a certificate that expires soon.</translation>
    </message>
    <message>
        <location filename="../help.py" line="49"/>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../help.py" line="51"/>
        <source>The user authentication certificate is public and shown without a password. The signing certificate holds your name, address, date of birth and sex, so it is read only after the signing password.</source>
        <translation>The user authentication certificate is public and shown without a password. The signing certificate holds your name, address, date of birth and sex, so it is read only after the signing password.</translation>
    </message>
    <message>
        <location filename="../help.py" line="57"/>
        <source>Export saves a certificate as PEM or DER; the signing certificate&apos;s file holds your personal data.</source>
        <translation>Export saves a certificate as PEM or DER; the signing certificate&apos;s file holds your personal data.</translation>
    </message>
    <message>
        <location filename="../help.py" line="65"/>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location filename="../help.py" line="73"/>
        <source>A move or a change of name revokes the signing certificate at once: tick what happened to see what still works.</source>
        <translation>A move or a change of name revokes the signing certificate at once: tick what happened to see what still works.</translation>
    </message>
    <message>
        <location filename="../help.py" line="67"/>
        <source>Both certificates expire on the fifth birthday after they were issued (never after the card: usually its tenth birthday after issue, the fifth for those under 18). Renewal at the municipal office opens three months before.</source>
        <translation>Both certificates expire on the fifth birthday after they were issued (never after the card: usually its tenth birthday after issue, the fifth for those under 18). Renewal at the municipal office opens three months before.</translation>
    </message>
    <message>
        <location filename="../help.py" line="78"/>
        <source>Dates may be typed as 1985-06-30, 1985/6/30 or in the Japanese era (S60.6.30). Reminders can be saved to your calendar (.ics).</source>
        <translation>Dates may be typed as 1985-06-30, 1985/6/30 or in the Japanese era (S60.6.30). Reminders can be saved to your calendar (.ics).</translation>
    </message>
    <message>
        <location filename="../help.py" line="86"/>
        <source>Apply online</source>
        <translation>Apply online</translation>
    </message>
    <message>
        <location filename="../help.py" line="88"/>
        <source>Seven steps: reader and card, procedure, form, signing password, signing and encryption, sending, and the agency&apos;s receipt.</source>
        <translation>Seven steps: reader and card, procedure, form, signing password, signing and encryption, sending, and the agency&apos;s receipt.</translation>
    </message>
    <message>
        <location filename="../help.py" line="93"/>
        <source>The name, address and date of birth on the form must match your signing certificate. Nothing is sent to the card before you type the password in step 4.</source>
        <translation>The name, address and date of birth on the form must match your signing certificate. Nothing is sent to the card before you type the password in step 4.</translation>
    </message>
    <message>
        <location filename="../help.py" line="99"/>
        <source>The package is encrypted for the agency only. If sending fails it waits in the outbox and is sent again later; the receipt is kept.</source>
        <translation>The package is encrypted for the agency only. If sending fails it waits in the outbox and is sent again later; the receipt is kept.</translation>
    </message>
    <message>
        <location filename="../help.py" line="107"/>
        <source>Sign PDF</source>
        <translation>Sign PDF</translation>
    </message>
    <message>
        <location filename="../help.py" line="109"/>
        <source>Signs a PDF with your signing certificate, inside the PDF, for the Ministry of Justice&apos;s online registration (profile &apos;moj&apos;, the default) or with a trusted timestamp (PAdES, needs a time-stamping service).</source>
        <translation>Signs a PDF with your signing certificate, inside the PDF, for the Ministry of Justice&apos;s online registration (profile &apos;moj&apos;, the default) or with a trusted timestamp (PAdES, needs a time-stamping service).</translation>
    </message>
    <message>
        <location filename="../help.py" line="115"/>
        <source>Everyone who receives the signed PDF can read your name, address, date of birth and sex from the certificate inside it.</source>
        <translation>Everyone who receives the signed PDF can read your name, address, date of birth and sex from the certificate inside it.</translation>
    </message>
    <message>
        <location filename="../help.py" line="120"/>
        <source>The original PDF is never changed; a PDF that is encrypted, damaged or certified against changes is refused before the card is used.</source>
        <translation>The original PDF is never changed; a PDF that is encrypted, damaged or certified against changes is refused before the card is used.</translation>
    </message>
    <message>
        <location filename="../help.py" line="128"/>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../help.py" line="130"/>
        <source>Open or drop a signed file (.p7s, signed XML, a submission package, a signed PDF) to see who signed it, when, and whether the signature is valid.</source>
        <translation>Open or drop a signed file (.p7s, signed XML, a submission package, a signed PDF) to see who signed it, when, and whether the signature is valid.</translation>
    </message>
    <message>
        <location filename="../help.py" line="135"/>
        <source>&apos;Valid, revocation not checked&apos; means the signature is intact but nobody asked J-LIS whether the certificate was revoked.</source>
        <translation>&apos;Valid, revocation not checked&apos; means the signature is intact but nobody asked J-LIS whether the certificate was revoked.</translation>
    </message>
    <message>
        <location filename="../help.py" line="143"/>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../help.py" line="145"/>
        <source>Checks the smart card service, the reader and the card, without using a password try, and says what to do for each problem.</source>
        <translation>Checks the smart card service, the reader and the card, without using a password try, and says what to do for each problem.</translation>
    </message>
    <message>
        <location filename="../help.py" line="150"/>
        <source>The report for a help desk has your personal data masked; choose its language before saving.</source>
        <translation>The report for a help desk has your personal data masked; choose its language before saving.</translation>
    </message>
    <message>
        <location filename="../help.py" line="158"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../help.py" line="160"/>
        <source>Language, the reader to use, how certificates are checked for revocation, and the network (proxy). Passwords are never stored.</source>
        <translation>Language, the reader to use, how certificates are checked for revocation, and the network (proxy). Passwords are never stored.</translation>
    </message>
    <message>
        <location filename="../help.py" line="171"/>
        <source>jpki-desktop</source>
        <translation>jpki-desktop</translation>
    </message>
    <message>
        <location filename="../help.py" line="173"/>
        <source>Choose a page on the left. F1 shows help for the page you are on.</source>
        <translation>Choose a page on the left. F1 shows help for the page you are on.</translation>
    </message>
    <message>
        <location filename="../help.py" line="184"/>
        <source>JPKI portal (J-LIS): certificates, password resets, the kiosk route</source>
        <translation>JPKI portal (J-LIS): certificates, password resets, the kiosk route</translation>
    </message>
    <message>
        <location filename="../help.py" line="190"/>
        <source>My Number card portal: renewal, lost cards, the municipal office</source>
        <translation>My Number card portal: renewal, lost cards, the municipal office</translation>
    </message>
    <message>
        <location filename="../help.py" line="193"/>
        <source>e-Tax (National Tax Agency)</source>
        <translation>e-Tax (National Tax Agency)</translation>
    </message>
    <message>
        <location filename="../help.py" line="195"/>
        <source>Online registration and deposit system (Ministry of Justice)</source>
        <translation>Online registration and deposit system (Ministry of Justice)</translation>
    </message>
    <message>
        <location filename="../help.py" line="204"/>
        <source>This is the demo card: a fictitious holder and a test PKI, not issued by J-LIS.</source>
        <translation>This is the demo card: a fictitious holder and a test PKI, not issued by J-LIS.</translation>
    </message>
    <message>
        <location filename="../help.py" line="209"/>
        <source>Demo agency service account: user ID %1, password %2 (fictitious).</source>
        <translation>Demo agency service account: user ID %1, password %2 (fictitious).</translation>
    </message>
    <message>
        <location filename="../help.py" line="220"/>
        <source>Demo card</source>
        <translation>Demo card</translation>
    </message>
    <message>
        <location filename="../help.py" line="223"/>
        <source>Official pages</source>
        <translation>Official pages</translation>
    </message>
    <message>
        <location filename="../help.py" line="227"/>
        <source>Steps that need the municipal office (renewal, resets, a new card) cannot be done in this app.</source>
        <translation>Steps that need the municipal office (renewal, resets, a new card) cannot be done in this app.</translation>
    </message>
    <message>
        <location filename="../help.py" line="245"/>
        <source>Help: %1</source>
        <translation>Help: %1</translation>
    </message>
    <message>
        <location filename="../help.py" line="248"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="302"/>
        <source>About jpki-desktop</source>
        <translation>About jpki-desktop</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="303"/>
        <source>jpki-desktop %1: a client for the My Number card and JPKI.</source>
        <translation>jpki-desktop %1: a client for the My Number card and JPKI.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="307"/>
        <source>The demo card and its certificates are for testing only; they are not issued by J-LIS.</source>
        <translation>The demo card and its certificates are for testing only; they are not issued by J-LIS.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326"/>
        <source>Using the card… do not remove it.</source>
        <translation>Using the card… do not remove it.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="341"/>
        <source>jpki-desktop — My Number card</source>
        <translation>jpki-desktop — My Number card</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="343"/>
        <source>[demo card]</source>
        <translation>[demo card]</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="79"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>&amp;Card</source>
        <translation>&amp;Card</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>&amp;Read the card again</source>
        <translation>&amp;Read the card again</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>&amp;Change password…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>Simulate &amp;removing the card (demo)</source>
        <translation>Simulate &amp;removing the card (demo)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>Simulate &amp;inserting the card (demo)</source>
        <translation>Simulate &amp;inserting the card (demo)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="246"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>&amp;Help for this page</source>
        <translation>&amp;Help for this page</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>&amp;About jpki-desktop</source>
        <translation>&amp;About jpki-desktop</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../alerts.py" line="30"/>
        <source>User authentication certificate</source>
        <translation>User authentication certificate</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="31"/>
        <location filename="../messages.py" line="460"/>
        <source>Signing certificate</source>
        <translation>Signing certificate</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="32"/>
        <location filename="../messages.py" line="181"/>
        <location filename="../messages.py" line="231"/>
        <source>CA certificate (user authentication)</source>
        <translation>CA certificate (user authentication)</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="33"/>
        <location filename="../messages.py" line="182"/>
        <location filename="../messages.py" line="232"/>
        <source>CA certificate (signing)</source>
        <translation>CA certificate (signing)</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="60"/>
        <source>The %1 expired on %2. Renew it at your municipal office; renewal after expiry is free.</source>
        <translation>The %1 expired on %2. Renew it at your municipal office; renewal after expiry is free.</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="72"/>
        <source>Only one try is left for the %1. One more wrong entry blocks it.</source>
        <translation>Only one try is left for the %1. One more wrong entry blocks it.</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="79"/>
        <source>The %1 expires on %2 (days left: %3). You can renew it now.</source>
        <translation>The %1 expires on %2 (days left: %3). You can renew it now.</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="91"/>
        <source>Tries left for the %1: %2. A correct entry resets the count.</source>
        <translation>Tries left for the %1: %2. A correct entry resets the count.</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="100"/>
        <source>This card has no signing certificate: online applications cannot be signed with it.</source>
        <translation>This card has no signing certificate: online applications cannot be signed with it.</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="105"/>
        <source>Your card is ready to use.</source>
        <translation>Your card is ready to use.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <location filename="../messages.py" line="234"/>
        <source>signing password</source>
        <translation>signing password</translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <location filename="../messages.py" line="235"/>
        <source>user authentication PIN</source>
        <translation>user authentication PIN</translation>
    </message>
    <message>
        <location filename="../messages.py" line="54"/>
        <source>card-info PIN</source>
        <translation>card-info PIN</translation>
    </message>
    <message>
        <location filename="../messages.py" line="45"/>
        <source>Signing password</source>
        <translation>Signing password</translation>
    </message>
    <message>
        <location filename="../messages.py" line="50"/>
        <source>User authentication PIN</source>
        <translation>User authentication PIN</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>Card-info PIN</source>
        <translation>Card-info PIN</translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>Signing &amp;password:</source>
        <translation>Signing &amp;password:</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>&amp;User authentication PIN:</source>
        <translation>&amp;User authentication PIN:</translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>&amp;Card-info PIN:</source>
        <translation>&amp;Card-info PIN:</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>6 to 16 letters A-Z and digits 0-9</source>
        <translation>6 to 16 letters A-Z and digits 0-9</translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>4 digits</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>Nothing entered yet.</source>
        <translation>Nothing entered yet.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="74"/>
        <source>Too short.</source>
        <translation>Too short.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="75"/>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>Full-width characters: turn the Japanese input method off.</source>
        <translation>Full-width characters: turn the Japanese input method off.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="79"/>
        <source>Contains a space.</source>
        <translation>Contains a space.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="80"/>
        <source>Digits 0-9 only.</source>
        <translation>Digits 0-9 only.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="81"/>
        <source>Letters A-Z and digits 0-9 only.</source>
        <translation>Letters A-Z and digits 0-9 only.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="84"/>
        <source>Must mix letters and digits.</source>
        <translation>Must mix letters and digits.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>Tries left: unknown</source>
        <translation>Tries left: unknown</translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>%1 of %2 tries left</source>
        <translation>%1 of %2 tries left</translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../messages.py" line="105"/>
        <source>A wrong entry was made. A correct entry resets the count.</source>
        <translation>A wrong entry was made. A correct entry resets the count.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="108"/>
        <source>Last try: one more wrong entry blocks it.</source>
        <translation>Last try: one more wrong entry blocks it.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="109"/>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../messages.py" line="110"/>
        <source>The card did not report the count.</source>
        <translation>The card did not report the count.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="120"/>
        <source>Reset it at your municipal office (市区町村窓口): bring the card and an official photo ID.</source>
        <translation>Reset it at your municipal office (市区町村窓口): bring the card and an official photo ID.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="129"/>
        <source>Or, because your %1 still works: reset it at a convenience-store kiosk with the JPKI PIN reset smartphone app (JPKI暗証番号リセット).</source>
        <translation>Or, because your %1 still works: reset it at a convenience-store kiosk with the JPKI PIN reset smartphone app (JPKI暗証番号リセット).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>Both passwords are blocked, so only the municipal office can reset them. %1</source>
        <translation>Both passwords are blocked, so only the municipal office can reset them. %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>If your %1 still works, a convenience-store kiosk with the JPKI PIN reset smartphone app is another route.</source>
        <translation>If your %1 still works, a convenience-store kiosk with the JPKI PIN reset smartphone app is another route.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="148"/>
        <source>The %1 is blocked. It cannot be entered here.</source>
        <translation>The %1 is blocked. It cannot be entered here.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="160"/>
        <source>My Number card</source>
        <translation>My Number card</translation>
    </message>
    <message>
        <location filename="../messages.py" line="161"/>
        <source>Basic resident register card (住基カード)</source>
        <translation>Basic resident register card (住基カード)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="164"/>
        <source>Smartphone JPKI (Android)</source>
        <translation>Smartphone JPKI (Android)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="165"/>
        <source>Smartphone JPKI (iPhone)</source>
        <translation>Smartphone JPKI (iPhone)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="166"/>
        <source>Unknown JPKI token</source>
        <translation>Unknown JPKI token</translation>
    </message>
    <message>
        <location filename="../messages.py" line="174"/>
        <source>JPKI application</source>
        <translation>JPKI application</translation>
    </message>
    <message>
        <location filename="../messages.py" line="175"/>
        <source>card type</source>
        <translation>card type</translation>
    </message>
    <message>
        <location filename="../messages.py" line="176"/>
        <location filename="../messages.py" line="229"/>
        <source>which certificates the card holds</source>
        <translation>which certificates the card holds</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179"/>
        <source>password tries left</source>
        <translation>password tries left</translation>
    </message>
    <message>
        <location filename="../messages.py" line="180"/>
        <location filename="../messages.py" line="230"/>
        <source>user authentication certificate</source>
        <translation>user authentication certificate</translation>
    </message>
    <message>
        <location filename="../messages.py" line="183"/>
        <location filename="../messages.py" line="233"/>
        <source>card-info PIN tries left</source>
        <translation>card-info PIN tries left</translation>
    </message>
    <message>
        <location filename="../messages.py" line="192"/>
        <source>Reading: %1 (%2 of %3 bytes)</source>
        <translation>Reading: %1 (%2 of %3 bytes)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="197"/>
        <source>Reading: %1</source>
        <translation>Reading: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="203"/>
        <source>Face-authentication card (顔認証マイナンバーカード): no password is set and there is no signing certificate. It works as a health insurance card and as photo ID; online services that need a password (signing, My Number Portal, e-Tax, convenience-store certificates) do not. Your municipal office can change it to a card with passwords.</source>
        <translation>Face-authentication card (顔認証マイナンバーカード): no password is set and there is no signing certificate. It works as a health insurance card and as photo ID; online services that need a password (signing, My Number Portal, e-Tax, convenience-store certificates) do not. Your municipal office can change it to a card with passwords.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="211"/>
        <source>This card holds no electronic certificate (not issued, or revoked). To sign or log in online, apply for the certificates at your municipal office (bring the card).</source>
        <translation>This card holds no electronic certificate (not issued, or revoked). To sign or log in online, apply for the certificates at your municipal office (bring the card).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="217"/>
        <source>Smartphone certificate: its user authentication certificate is read only with the user authentication PIN, when you ask for it (Certificates page).</source>
        <translation>Smartphone certificate: its user authentication certificate is read only with the user authentication PIN, when you ask for it (Certificates page).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="242"/>
        <source>Could not be read: %1 (%2).</source>
        <translation>Could not be read: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="362"/>
        <source>Looking for card readers…</source>
        <translation>Looking for card readers…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="262"/>
        <source>The smart card service is not running.</source>
        <translation>The smart card service is not running.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="263"/>
        <source>Start it (Linux: sudo systemctl enable --now pcscd.socket), or open Diagnostics.</source>
        <translation>Start it (Linux: sudo systemctl enable --now pcscd.socket), or open Diagnostics.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="270"/>
        <source>No card reader found.</source>
        <translation>No card reader found.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="271"/>
        <source>Connect an IC card reader and check its driver, or open Diagnostics.</source>
        <translation>Connect an IC card reader and check its driver, or open Diagnostics.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="277"/>
        <source>No card in the reader.</source>
        <translation>No card in the reader.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="278"/>
        <source>Insert your My Number card (chip first, face up).</source>
        <translation>Insert your My Number card (chip first, face up).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="372"/>
        <source>Reading the card… do not remove it.</source>
        <translation>Reading the card… do not remove it.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="376"/>
        <source>The card could not be read.</source>
        <translation>The card could not be read.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="306"/>
        <location filename="../messages.py" line="377"/>
        <source>Remove the card and insert it again.</source>
        <translation>Remove the card and insert it again.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="379"/>
        <source>Card ready.</source>
        <translation>Card ready.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="261"/>
        <source>Smart card service</source>
        <translation>Smart card service</translation>
    </message>
    <message>
        <location filename="../messages.py" line="269"/>
        <location filename="../messages.py" line="288"/>
        <location filename="../messages.py" line="309"/>
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../messages.py" line="276"/>
        <location filename="../messages.py" line="293"/>
        <location filename="../messages.py" line="300"/>
        <location filename="../messages.py" line="304"/>
        <location filename="../messages.py" line="427"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../messages.py" line="281"/>
        <source>Card removed</source>
        <translation>Card removed</translation>
    </message>
    <message>
        <location filename="../messages.py" line="282"/>
        <source>The card was removed during the operation. Nothing was sent or saved.</source>
        <translation>The card was removed during the operation. Nothing was sent or saved.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="285"/>
        <source>Insert the card again and retry.</source>
        <translation>Insert the card again and retry.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="289"/>
        <source>Another program is using the card reader.</source>
        <translation>Another program is using the card reader.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="290"/>
        <source>Close it and retry.</source>
        <translation>Close it and retry.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="294"/>
        <source>This card has no JPKI application: it is not a My Number card.</source>
        <translation>This card has no JPKI application: it is not a My Number card.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="297"/>
        <source>Insert your My Number card.</source>
        <translation>Insert your My Number card.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="394"/>
        <source>Not sent to the card: %1</source>
        <translation>Not sent to the card: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="399"/>
        <source>No %1 is set on this card. Nothing was sent to it.</source>
        <translation>No %1 is set on this card. Nothing was sent to it.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="402"/>
        <source>Your municipal office can set one.</source>
        <translation>Your municipal office can set one.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="407"/>
        <source>Only one try is left. Nothing was sent to the card.</source>
        <translation>Only one try is left. Nothing was sent to the card.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="412"/>
        <source>The %1 is blocked.</source>
        <translation>The %1 is blocked.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="416"/>
        <source>Wrong %1. Tries left: %2 (read from the card).</source>
        <translation>Wrong %1. Tries left: %2 (read from the card).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="418"/>
        <source>One more wrong entry blocks it.</source>
        <translation>One more wrong entry blocks it.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="301"/>
        <source>The card requires a password for this operation.</source>
        <translation>The card requires a password for this operation.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="305"/>
        <source>The card returned malformed data.</source>
        <translation>The card returned malformed data.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="428"/>
        <source>The card refused the command (status %1).</source>
        <translation>The card refused the command (status %1).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="310"/>
        <source>Communication with the card reader failed.</source>
        <translation>Communication with the card reader failed.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="311"/>
        <source>Remove the card and insert it again, or open Diagnostics.</source>
        <translation>Remove the card and insert it again, or open Diagnostics.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="435"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../messages.py" line="436"/>
        <source>The file could not be written or read: %1</source>
        <translation>The file could not be written or read: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="441"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../messages.py" line="442"/>
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="449"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../messages.py" line="450"/>
        <source>The agency rejected the application: %1</source>
        <translation>The agency rejected the application: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="461"/>
        <source>If this computer&apos;s date is wrong, correct it and retry.</source>
        <translation>If this computer&apos;s date is wrong, correct it and retry.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="465"/>
        <source>Your signing certificate has been revoked (for example after a move or a name change). Nothing was signed.</source>
        <translation>Your signing certificate has been revoked (for example after a move or a name change). Nothing was signed.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="470"/>
        <source>Apply for a new one at your municipal office.</source>
        <translation>Apply for a new one at your municipal office.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="475"/>
        <source>Your signing certificate has expired. Nothing was signed.</source>
        <translation>Your signing certificate has expired. Nothing was signed.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="476"/>
        <source>Renew it at your municipal office (bring the card).</source>
        <translation>Renew it at your municipal office (bring the card).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="482"/>
        <source>Your signing certificate is not valid yet. Nothing was signed.</source>
        <translation>Your signing certificate is not valid yet. Nothing was signed.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="506"/>
        <source>The package is kept in the outbox and is sent again on the next start; you can also press Send again now.</source>
        <translation>The package is kept in the outbox and is sent again on the next start; you can also press Send again now.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="512"/>
        <source>Check the user ID, enter the password again and press Send. The package is kept in the outbox until the agency accepts it.</source>
        <translation>Check the user ID, enter the password again and press Send. The package is kept in the outbox until the agency accepts it.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="518"/>
        <source>The package is kept in the outbox. Check this computer&apos;s date and the proxy setting, then send again; or save the package to a file instead.</source>
        <translation>The package is kept in the outbox. Check this computer&apos;s date and the proxy setting, then send again; or save the package to a file instead.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="523"/>
        <source>The package is kept in the outbox. Save it to a file instead and ask the agency how to hand it in.</source>
        <translation>The package is kept in the outbox. Save it to a file instead and ask the agency how to hand it in.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="491"/>
        <source>The agency could not be reached.</source>
        <translation>The agency could not be reached.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="492"/>
        <source>The agency did not answer in time.</source>
        <translation>The agency did not answer in time.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="493"/>
        <source>The agency&apos;s server reported an error.</source>
        <translation>The agency&apos;s server reported an error.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="494"/>
        <source>The agency&apos;s server certificate was refused.</source>
        <translation>The agency&apos;s server certificate was refused.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="495"/>
        <source>The user ID or the password of the service account is wrong: the agency refused it.</source>
        <translation>The user ID or the password of the service account is wrong: the agency refused it.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="537"/>
        <source>The agency&apos;s answer could not be read.</source>
        <translation>The agency&apos;s answer could not be read.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="314"/>
        <location filename="../messages.py" line="342"/>
        <location filename="../messages.py" line="539"/>
        <location filename="../messages.py" line="542"/>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../messages.py" line="315"/>
        <source>This agency needs your service account (user ID and password).</source>
        <translation>This agency needs your service account (user ID and password).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="543"/>
        <source>The agency&apos;s answer failed its signature check (%1).</source>
        <translation>The agency&apos;s answer failed its signature check (%1).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="546"/>
        <source>The package is kept in the outbox.</source>
        <translation>The package is kept in the outbox.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="320"/>
        <location filename="../messages.py" line="325"/>
        <location filename="../messages.py" line="331"/>
        <location filename="../messages.py" line="564"/>
        <location filename="../messages.py" line="571"/>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <location filename="../messages.py" line="321"/>
        <source>This card has no signing certificate.</source>
        <translation>This card has no signing certificate.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="322"/>
        <source>Ask your municipal office about issuing one.</source>
        <translation>Ask your municipal office about issuing one.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="326"/>
        <source>The card&apos;s signature does not match its certificate. Nothing was saved.</source>
        <translation>The card&apos;s signature does not match its certificate. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="552"/>
        <source>Timestamp</source>
        <translation>Timestamp</translation>
    </message>
    <message>
        <location filename="../messages.py" line="553"/>
        <source>The time-stamping service %1 gave no usable timestamp. Nothing was signed or saved.</source>
        <translation>The time-stamping service %1 gave no usable timestamp. Nothing was signed or saved.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="557"/>
        <source>Check its address in Settings and the network (proxy), or sign without a timestamp.</source>
        <translation>Check its address in Settings and the network (proxy), or sign without a timestamp.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="332"/>
        <source>An attached file changed while it was being packaged. Nothing was saved.</source>
        <translation>An attached file changed while it was being packaged. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="335"/>
        <source>Close the program that is writing it and sign again.</source>
        <translation>Close the program that is writing it and sign again.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="565"/>
        <source>The agency&apos;s encryption certificate cannot be used (%1).</source>
        <translation>The agency&apos;s encryption certificate cannot be used (%1).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="572"/>
        <source>The application could not be packaged (%1).</source>
        <translation>The application could not be packaged (%1).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="338"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../messages.py" line="339"/>
        <source>The form has errors. Go back to the form and correct them.</source>
        <translation>The form has errors. Go back to the form and correct them.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="578"/>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../messages.py" line="579"/>
        <source>The agency&apos;s certificate (%1) could not be read.</source>
        <translation>The agency&apos;s certificate (%1) could not be read.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="343"/>
        <source>This version cannot send to this agency.</source>
        <translation>This version cannot send to this agency.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="344"/>
        <source>Save the signed package instead and submit it another way.</source>
        <translation>Save the signed package instead and submit it another way.</translation>
    </message>
</context>
<context>
    <name>MyCardPage</name>
    <message>
        <location filename="../pages/my_card.py" line="116"/>
        <source>My card</source>
        <translation>My card</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="167"/>
        <location filename="../pages/my_card.py" line="169"/>
        <source>Not issued for this card.</source>
        <translation>Not issued for this card.</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="174"/>
        <source>Issued. Its dates are shown after the signing password (Certificates page).</source>
        <translation>Issued. Its dates are shown after the signing password (Certificates page).</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="178"/>
        <source>Read only with the user authentication PIN, when you ask (Certificates page).</source>
        <translation>Read only with the user authentication PIN, when you ask (Certificates page).</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="180"/>
        <source>Could not be read.</source>
        <translation>Could not be read.</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="184"/>
        <source>Expired on %1.</source>
        <translation>Expired on %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/my_card.py" line="185"/>
        <source>Valid until %1 (%n days left).</source>
        <translation>
            <numerusform>Valid until %1 (%n day left).</numerusform>
            <numerusform>Valid until %1 (%n days left).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="187"/>
        <source>Renewal is open.</source>
        <translation>Renewal is open.</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="44"/>
        <source>Card and reader</source>
        <translation>Card and reader</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="62"/>
        <source>Reader:</source>
        <translation>Reader:</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="65"/>
        <source>Card:</source>
        <translation>Card:</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="68"/>
        <source>Read at:</source>
        <translation>Read at:</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="84"/>
        <source>Password tries left (checked without using a try)</source>
        <translation>Password tries left (checked without using a try)</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="95"/>
        <source>Electronic certificates</source>
        <translation>Electronic certificates</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="106"/>
        <source>Change pass&amp;word…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="108"/>
        <source>&amp;Read the card again</source>
        <translation>&amp;Read the card again</translation>
    </message>
</context>
<context>
    <name>PasswordStep</name>
    <message>
        <location filename="../flow/step_password.py" line="44"/>
        <source>Card and password</source>
        <translation>Card and password</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="47"/>
        <source>&amp;Sign</source>
        <translation>&amp;Sign</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="87"/>
        <source>Procedure: %1
Sent to: %2</source>
        <translation>Procedure: %1
Sent to: %2</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="22"/>
        <source>Keep the card in the reader and enter your signing password (6 to 16 letters and digits).</source>
        <translation>Keep the card in the reader and enter your signing password (6 to 16 letters and digits).</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="31"/>
        <source>Your signing certificate goes with the application. It records your name, address, date of birth and sex; the package is encrypted so that only the agency can read it.</source>
        <translation>Your signing certificate goes with the application. It records your name, address, date of birth and sex; the package is encrypted so that only the agency can read it.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="103"/>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="104"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProcedureStep</name>
    <message>
        <location filename="../flow/step_procedure.py" line="40"/>
        <source>The procedure catalogue could not be loaded: %1</source>
        <translation>The procedure catalogue could not be loaded: %1</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="49"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="82"/>
        <source>Sent to: %1</source>
        <translation>Sent to: %1</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="15"/>
        <source>Choose the application or notification you want to send.</source>
        <translation>Choose the application or notification you want to send.</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="20"/>
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
</context>
<context>
    <name>ReceiptStep</name>
    <message>
        <location filename="../flow/step_receipt.py" line="29"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="40"/>
        <source>No receipt yet.</source>
        <translation>No receipt yet.</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="42"/>
        <source>Accepted.
Receipt number: %1
Received: %2
Submission ID: %3
Agency: %4</source>
        <translation>Accepted.
Receipt number: %1
Received: %2
Submission ID: %3
Agency: %4</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="50"/>
        <source>Kept with the package in %1.</source>
        <translation>Kept with the package in %1.</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="17"/>
        <source>The agency checked the certificate, matched it with the application and accepted it.</source>
        <translation>The agency checked the certificate, matched it with the application and accepted it.</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="25"/>
        <source>Start a &amp;new application</source>
        <translation>Start a &amp;new application</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <location filename="../pages/saving.py" line="27"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>SendStep</name>
    <message>
        <location filename="../flow/step_send.py" line="92"/>
        <source>Encrypt and send</source>
        <translation>Encrypt and send</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="95"/>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="173"/>
        <source>Save the signed package</source>
        <translation>Save the signed package</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="196"/>
        <source>Nothing has been signed yet.</source>
        <translation>Nothing has been signed yet.</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="200"/>
        <source>Encrypted for: %1
Submission ID: %2
Size: %3 bytes
Encryption: AES-256-GCM, key wrapped with the agency&apos;s RSA key (RSA-OAEP)</source>
        <translation>Encrypted for: %1
Submission ID: %2
Size: %3 bytes
Encryption: AES-256-GCM, key wrapped with the agency&apos;s RSA key (RSA-OAEP)</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="218"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="222"/>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="40"/>
        <source>The application, the signature and your certificate are encrypted so that only the agency can open them. Send the package now, or save it to a file.</source>
        <translation>The application, the signature and your certificate are encrypted so that only the agency can open them. Send the package now, or save it to a file.</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="49"/>
        <source>Sa&amp;ve to a file instead…</source>
        <translation>Sa&amp;ve to a file instead…</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="55"/>
        <source>The agency&apos;s service account</source>
        <translation>The agency&apos;s service account</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="69"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="66"/>
        <source>Service account password</source>
        <translation>Service account password</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="78"/>
        <source>&amp;Remember this account in the system keyring</source>
        <translation>&amp;Remember this account in the system keyring</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="97"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="131"/>
        <source>Not saved: enter an address that starts with https:// or http://.</source>
        <translation>Not saved: enter an address that starts with https:// or http://.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="142"/>
        <location filename="../pages/settings.py" line="159"/>
        <source>Automatic: the first reader holding a card</source>
        <translation>Automatic: the first reader holding a card</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="44"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="46"/>
        <source>La&amp;nguage:</source>
        <translation>La&amp;nguage:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="50"/>
        <source>Card &amp;reader:</source>
        <translation>Card &amp;reader:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="56"/>
        <source>Validity check and network</source>
        <translation>Validity check and network</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="163"/>
        <source>Re&amp;vocation check:</source>
        <translation>Re&amp;vocation check:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="165"/>
        <source>Online: OCSP responder, then CRL</source>
        <translation>Online: OCSP responder, then CRL</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="166"/>
        <source>Online: download the CRL</source>
        <translation>Online: download the CRL</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="167"/>
        <source>Offline: cached CRL only</source>
        <translation>Offline: cached CRL only</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="171"/>
        <source>&amp;OCSP responder:</source>
        <translation>&amp;OCSP responder:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="172"/>
        <source>CRL a&amp;ddress:</source>
        <translation>CRL a&amp;ddress:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="173"/>
        <source>Ti&amp;me-stamping service (RFC 3161):</source>
        <translation>Ti&amp;me-stamping service (RFC 3161):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="174"/>
        <source>Agency endpoin&amp;t:</source>
        <translation>Agency endpoin&amp;t:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="175"/>
        <source>Pro&amp;xy address:</source>
        <translation>Pro&amp;xy address:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="178"/>
        <location filename="../pages/settings.py" line="179"/>
        <source>As stated in the certificate</source>
        <translation>As stated in the certificate</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="180"/>
        <source>None: signatures carry no trusted time</source>
        <translation>None: signatures carry no trusted time</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="181"/>
        <source>As stated by the procedure</source>
        <translation>As stated by the procedure</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="190"/>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="192"/>
        <source>Use the system settings</source>
        <translation>Use the system settings</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="193"/>
        <source>No proxy</source>
        <translation>No proxy</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="194"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="198"/>
        <source>Passwords and PINs are never stored. Settings file: %1</source>
        <translation>Passwords and PINs are never stored. Settings file: %1</translation>
    </message>
</context>
<context>
    <name>SignPdfPage</name>
    <message>
        <location filename="../pages/sign_pdf.py" line="153"/>
        <location filename="../pages/sign_pdf.py" line="255"/>
        <location filename="../pages/sign_pdf.py" line="275"/>
        <source>Sign PDF</source>
        <translation>Sign PDF</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="158"/>
        <source>Open a PDF</source>
        <translation>Open a PDF</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="162"/>
        <source>Checking the PDF…</source>
        <translation>Checking the PDF…</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="211"/>
        <source>Save the signed PDF</source>
        <translation>Save the signed PDF</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="234"/>
        <source>Signing… do not remove the card.</source>
        <translation>Signing… do not remove the card.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="251"/>
        <location filename="../pages/sign_pdf.py" line="256"/>
        <source>Signed and saved: %1</source>
        <translation>Signed and saved: %1</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="270"/>
        <source>The signing certificate is placed inside the PDF. It records your name, address, date of birth and sex, and anyone who receives this PDF can read them.</source>
        <translation>The signing certificate is placed inside the PDF. It records your name, address, date of birth and sex, and anyone who receives this PDF can read them.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="278"/>
        <source>This file is not a PDF.</source>
        <translation>This file is not a PDF.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="279"/>
        <source>This PDF is damaged and cannot be signed.</source>
        <translation>This PDF is damaged and cannot be signed.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="280"/>
        <source>This PDF is password-protected or encrypted.</source>
        <translation>This PDF is password-protected or encrypted.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="282"/>
        <source>This PDF is certified with “no changes allowed”: a signature would break it.</source>
        <translation>This PDF is certified with “no changes allowed”: a signature would break it.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="284"/>
        <source>The PDF has no such page.</source>
        <translation>The PDF has no such page.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="285"/>
        <source>The stamp does not fit on the page.</source>
        <translation>The stamp does not fit on the page.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="286"/>
        <source>This PDF cannot be signed.</source>
        <translation>This PDF cannot be signed.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="288"/>
        <source>Save it again from the program that made it.</source>
        <translation>Save it again from the program that made it.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="289"/>
        <source>Save a copy without protection, then sign the copy.</source>
        <translation>Save a copy without protection, then sign the copy.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="291"/>
        <source>The card was not used.</source>
        <translation>The card was not used.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="295"/>
        <source>The time-stamping service gave no usable timestamp. Nothing was saved.</source>
        <translation>The time-stamping service gave no usable timestamp. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="296"/>
        <source>Check its address and the network, or sign without a timestamp.</source>
        <translation>Check its address and the network, or sign without a timestamp.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="301"/>
        <source>A timestamp needs the address of a time-stamping service.</source>
        <translation>A timestamp needs the address of a time-stamping service.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="303"/>
        <source>Save the signed PDF under a new name.</source>
        <translation>Save the signed PDF under a new name.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="304"/>
        <source>These settings cannot be used.</source>
        <translation>These settings cannot be used.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="314"/>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="316"/>
        <source>Pages: %1</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="320"/>
        <source>This PDF is already signed (%1). Your signature is added after the existing ones, which stay valid.</source>
        <translation>This PDF is already signed (%1). Your signature is added after the existing ones, which stay valid.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="66"/>
        <source>Drop a PDF here, or open one.</source>
        <translation>Drop a PDF here, or open one.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="67"/>
        <source>&amp;Open a PDF…</source>
        <translation>&amp;Open a PDF…</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="74"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="77"/>
        <source>&amp;Invisible signature</source>
        <translation>&amp;Invisible signature</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="80"/>
        <source>&amp;Visible stamp on a page</source>
        <translation>&amp;Visible stamp on a page</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="86"/>
        <source>&amp;Page:</source>
        <translation>&amp;Page:</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="89"/>
        <source>Positio&amp;n:</source>
        <translation>Positio&amp;n:</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="91"/>
        <source>Bottom right</source>
        <translation>Bottom right</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="92"/>
        <source>Bottom left</source>
        <translation>Bottom left</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="93"/>
        <source>Top right</source>
        <translation>Top right</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="94"/>
        <source>Top left</source>
        <translation>Top left</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="100"/>
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Reason (optional):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="102"/>
        <source>Loc&amp;ation (optional):</source>
        <translation>Loc&amp;ation (optional):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="104"/>
        <source>For&amp;mat:</source>
        <translation>For&amp;mat:</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="108"/>
        <source>For the Ministry of Justice online registration (standard)</source>
        <translation>For the Ministry of Justice online registration (standard)</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="111"/>
        <source>PAdES with a timestamp</source>
        <translation>PAdES with a timestamp</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="116"/>
        <source>&amp;Time-stamping service:</source>
        <translation>&amp;Time-stamping service:</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="134"/>
        <source>Send it only to where it must go.</source>
        <translation>Send it only to where it must go.</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="138"/>
        <source>&amp;Sign and save…</source>
        <translation>&amp;Sign and save…</translation>
    </message>
</context>
<context>
    <name>SignStep</name>
    <message>
        <location filename="../flow/step_sign.py" line="41"/>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="94"/>
        <source>The card is signing. Do not remove it…</source>
        <translation>The card is signing. Do not remove it…</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="97"/>
        <source>Signed by %1.
Submission ID: %2
Created: %3</source>
        <translation>Signed by %1.
Submission ID: %2
Created: %3</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="106"/>
        <source>Go back to enter the password.</source>
        <translation>Go back to enter the password.</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="28"/>
        <source>The card and the computer exchange data and the card signs the application.</source>
        <translation>The card and the computer exchange data and the card signs the application.</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="36"/>
        <source>Signing progress</source>
        <translation>Signing progress</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app.py" line="230"/>
        <source>jpki-desktop could not start</source>
        <translation>jpki-desktop could not start</translation>
    </message>
    <message>
        <location filename="../app.py" line="232"/>
        <source>Part of the application could not be loaded (%1). Reinstall jpki-desktop.</source>
        <translation>Part of the application could not be loaded (%1). Reinstall jpki-desktop.</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../widgets/step_indicator.py" line="56"/>
        <source>Step %1 of %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <location filename="../verify_texts.py" line="13"/>
        <source>Detached signature (.p7s)</source>
        <translation>Detached signature (.p7s)</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="14"/>
        <source>Signed XML</source>
        <translation>Signed XML</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="15"/>
        <source>Encrypted submission package (.p7m)</source>
        <translation>Encrypted submission package (.p7m)</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="16"/>
        <source>Signed container (.asice)</source>
        <translation>Signed container (.asice)</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="17"/>
        <source>Signed PDF</source>
        <translation>Signed PDF</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="18"/>
        <source>Unknown format</source>
        <translation>Unknown format</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="26"/>
        <source>The file is damaged or not in a format this program reads.</source>
        <translation>The file is damaged or not in a format this program reads.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="29"/>
        <source>This signature is stored apart from the signed file: choose the signed file too.</source>
        <translation>This signature is stored apart from the signed file: choose the signed file too.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="33"/>
        <source>The package is encrypted for the agency: only the agency can open and check it.</source>
        <translation>The package is encrypted for the agency: only the agency can open and check it.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="37"/>
        <source>The package is encrypted for someone else.</source>
        <translation>The package is encrypted for someone else.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="40"/>
        <source>The package could not be decrypted (wrong key, or it was altered).</source>
        <translation>The package could not be decrypted (wrong key, or it was altered).</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="43"/>
        <source>The container&apos;s type marker is missing or wrong.</source>
        <translation>The container&apos;s type marker is missing or wrong.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="46"/>
        <source>The container holds a file with an unsafe name.</source>
        <translation>The container holds a file with an unsafe name.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="49"/>
        <source>The container is too large or too compressed (possible zip bomb).</source>
        <translation>The container is too large or too compressed (possible zip bomb).</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="52"/>
        <source>The list of signed files is damaged.</source>
        <translation>The list of signed files is damaged.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="55"/>
        <source>The submission details are damaged.</source>
        <translation>The submission details are damaged.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="58"/>
        <source>It was signed for another agency.</source>
        <translation>It was signed for another agency.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="59"/>
        <source>A signed file is missing.</source>
        <translation>A signed file is missing.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="60"/>
        <source>It contains a file that the signature does not cover.</source>
        <translation>It contains a file that the signature does not cover.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="63"/>
        <source>A file was changed after signing.</source>
        <translation>A file was changed after signing.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="64"/>
        <source>The signed content was changed after signing.</source>
        <translation>The signed content was changed after signing.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="67"/>
        <source>The signature value is not correct.</source>
        <translation>The signature value is not correct.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="70"/>
        <source>The signature&apos;s attributes are missing or inconsistent.</source>
        <translation>The signature&apos;s attributes are missing or inconsistent.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="73"/>
        <source>The signer&apos;s certificate is missing.</source>
        <translation>The signer&apos;s certificate is missing.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="76"/>
        <source>A weak algorithm was used (for example SHA-1).</source>
        <translation>A weak algorithm was used (for example SHA-1).</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="79"/>
        <source>No trusted JPKI certificate authority is available.</source>
        <translation>No trusted JPKI certificate authority is available.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="82"/>
        <source>The signer&apos;s certificate was not issued by the JPKI signing CA.</source>
        <translation>The signer&apos;s certificate was not issued by the JPKI signing CA.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="85"/>
        <source>The signer&apos;s certificate is not meant for signing.</source>
        <translation>The signer&apos;s certificate is not meant for signing.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="88"/>
        <source>The signer&apos;s certificate has expired.</source>
        <translation>The signer&apos;s certificate has expired.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="89"/>
        <source>The signer&apos;s certificate is not valid yet.</source>
        <translation>The signer&apos;s certificate is not valid yet.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="92"/>
        <source>The certificate was not valid at the time of signing.</source>
        <translation>The certificate was not valid at the time of signing.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="95"/>
        <source>The signer&apos;s certificate has been revoked.</source>
        <translation>The signer&apos;s certificate has been revoked.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="96"/>
        <source>Whether the certificate was revoked could not be checked.</source>
        <translation>Whether the certificate was revoked could not be checked.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="99"/>
        <source>This PDF holds no signature.</source>
        <translation>This PDF holds no signature.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="100"/>
        <source>The signature does not cover the whole file except itself.</source>
        <translation>The signature does not cover the whole file except itself.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="103"/>
        <source>The signature data in the PDF was altered.</source>
        <translation>The signature data in the PDF was altered.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="106"/>
        <source>The PDF was changed after signing (pages or content).</source>
        <translation>The PDF was changed after signing (pages or content).</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="109"/>
        <source>Unsigned data was added to the end of the PDF.</source>
        <translation>Unsigned data was added to the end of the PDF.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="112"/>
        <source>The PDF was changed beyond what its certification allows.</source>
        <translation>The PDF was changed beyond what its certification allows.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="115"/>
        <source>The timestamp is damaged or does not belong to this signature.</source>
        <translation>The timestamp is damaged or does not belong to this signature.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="118"/>
        <source>The timestamp was not issued by a trusted time-stamping service.</source>
        <translation>The timestamp was not issued by a trusted time-stamping service.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="136"/>
        <source>Valid signature (revocation checked).</source>
        <translation>Valid signature (revocation checked).</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="137"/>
        <source>Valid signature, but revocation was not checked: the certificate may have been revoked (for example after a move).</source>
        <translation>Valid signature, but revocation was not checked: the certificate may have been revoked (for example after a move).</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="142"/>
        <source>Could not be fully checked.</source>
        <translation>Could not be fully checked.</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="143"/>
        <source>Not valid.</source>
        <translation>Not valid.</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../pages/verify.py" line="78"/>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="84"/>
        <source>Open a signed file</source>
        <translation>Open a signed file</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="90"/>
        <source>Choose the signed file</source>
        <translation>Choose the signed file</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="140"/>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="145"/>
        <source>Signed file: %1</source>
        <translation>Signed file: %1</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="150"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="223"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="198"/>
        <location filename="../pages/verify.py" line="225"/>
        <source>Signer</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="178"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="178"/>
        <source>not valid</source>
        <translation>not valid</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="179"/>
        <source>Signature %1 of %2: %3</source>
        <translation>Signature %1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="182"/>
        <source>The whole document</source>
        <translation>The whole document</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="185"/>
        <source>Revision %1; %2 later revision(s) followed it</source>
        <translation>Revision %1; %2 later revision(s) followed it</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="190"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="195"/>
        <source>(valid)</source>
        <translation>(valid)</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="195"/>
        <source>(not valid)</source>
        <translation>(not valid)</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="199"/>
        <location filename="../pages/verify.py" line="227"/>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="200"/>
        <source>Covers</source>
        <translation>Covers</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="201"/>
        <source>Timestamp</source>
        <translation>Timestamp</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="202"/>
        <source>Trust path</source>
        <translation>Trust path</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="229"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="230"/>
        <source>Submission ID</source>
        <translation>Submission ID</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="232"/>
        <source>Signed files</source>
        <translation>Signed files</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="235"/>
        <source>Revocation</source>
        <translation>Revocation</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="236"/>
        <source>checked</source>
        <translation>checked</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="236"/>
        <source>not checked</source>
        <translation>not checked</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="251"/>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="49"/>
        <source>Drop a signature (.p7s), a signed XML file, a signed PDF or a package (.p7m) here.</source>
        <translation>Drop a signature (.p7s), a signed XML file, a signed PDF or a package (.p7m) here.</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="52"/>
        <source>&amp;Open a file…</source>
        <translation>&amp;Open a file…</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="61"/>
        <source>Choose the &amp;signed file…</source>
        <translation>Choose the &amp;signed file…</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="69"/>
        <source>For checking your own files. Verifying signatures as a business needs approval under the JPKI Act (Article 17).</source>
        <translation>For checking your own files. Verifying signatures as a business needs approval under the JPKI Act (Article 17).</translation>
    </message>
</context>
</TS>

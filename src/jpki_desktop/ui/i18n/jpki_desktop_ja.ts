<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Banner</name>
    <message>
        <location filename="../widgets/banner.py" line="60"/>
        <source>See &amp;expiry</source>
        <translation>有効期限を見る(&amp;E)</translation>
    </message>
    <message>
        <location filename="../widgets/banner.py" line="61"/>
        <source>Open &amp;diagnostics</source>
        <translation>診断を開く(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CardStep</name>
    <message>
        <location filename="../flow/step_card.py" line="28"/>
        <source>Reader and card</source>
        <translation>リーダーとカード</translation>
    </message>
    <message>
        <location filename="../flow/step_card.py" line="38"/>
        <source>This card has no signing certificate (for example, it was issued before age 15). Online applications need one: ask your municipal office.</source>
        <translation>このカードには署名用電子証明書がありません（15歳未満で発行された場合など）。電子申請には署名用電子証明書が必要です。市区町村の窓口にご相談ください。</translation>
    </message>
    <message>
        <location filename="../flow/step_card.py" line="61"/>
        <source>%1 in %2: ready to sign.</source>
        <translation>%2 の %1：署名できます。</translation>
    </message>
    <message>
        <location filename="../flow/step_card.py" line="19"/>
        <source>Connect your IC card reader and insert your My Number card. The card is checked without using a password try.</source>
        <translation>ICカードリーダーを接続し、マイナンバーカードを差し込んでください。カードの確認ではパスワードの試行回数を使いません。</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../pages/certificates.py" line="90"/>
        <source>Certificates</source>
        <translation>電子証明書</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="110"/>
        <source>The signing certificate is shown after the signing password. It holds your name, address, date of birth and sex.</source>
        <translation>署名用電子証明書は署名用パスワードの入力後に表示されます。氏名・住所・生年月日・性別が記録されています。</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="123"/>
        <source>A smartphone releases its user authentication certificate only after the user authentication PIN.</source>
        <translation>スマートフォンの利用者証明用電子証明書は、利用者証明用暗証番号を入力した後でのみ読み取れます。</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="135"/>
        <source>Save certificate</source>
        <translation>証明書の保存</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="150"/>
        <source>Personal data</source>
        <translation>個人情報</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="152"/>
        <source>The file will contain your name, address, date of birth and sex. Save it anyway?</source>
        <translation>ファイルには氏名・住所・生年月日・性別が含まれます。保存しますか？</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="155"/>
        <source>&amp;Save</source>
        <translation>保存する(&amp;S)</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="197"/>
        <source>This card has no signing certificate.</source>
        <translation>このカードには署名用電子証明書がありません。</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="207"/>
        <source>Enter the signing password to read this certificate from the card.</source>
        <translation>この証明書をカードから読み取るには署名用パスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="214"/>
        <source>Enter the user authentication PIN to read this certificate from the smartphone.</source>
        <translation>利用者証明用暗証番号を入力すると、この電子証明書をスマートフォンから読み取ります。</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="220"/>
        <source>Not found on the card.</source>
        <translation>カードにありません。</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="228"/>
        <source>Subject</source>
        <translation>発行先（サブジェクト）</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="229"/>
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="230"/>
        <source>CA generation</source>
        <translation>認証局の世代</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="231"/>
        <source>Serial number</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="232"/>
        <source>Valid from</source>
        <translation>有効期間の開始</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="233"/>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="234"/>
        <source>Days left</source>
        <translation>残り日数</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="234"/>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="235"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 フィンガープリント</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="240"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="241"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="243"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="244"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="244"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="245"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="248"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="251"/>
        <source>OCSP responder</source>
        <translation>OCSP レスポンダ</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="253"/>
        <source>CRL</source>
        <translation>失効リスト（CRL）</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="47"/>
        <source>Certificates on the card</source>
        <translation>カード内の電子証明書</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="55"/>
        <source>The signing certificate records your name, address, date of birth and sex (the basic four attributes). The card releases it only after the signing password. Share it only with services you trust.</source>
        <translation>署名用電子証明書には氏名・住所・生年月日・性別（基本4情報）が記録されています。カードは署名用パスワードの入力後にだけ読み出しを許可します。信頼できるサービスにだけ提供してください。</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="64"/>
        <source>Enter the &amp;signing password to show it…</source>
        <translation>署名用パスワードを入力して表示(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="70"/>
        <source>Enter the user &amp;authentication PIN to show it…</source>
        <translation>利用者証明用暗証番号を入力して表示(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="73"/>
        <source>Save as &amp;PEM…</source>
        <translation>PEM 形式で保存(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../pages/certificates.py" line="75"/>
        <source>Save as &amp;DER…</source>
        <translation>DER 形式で保存(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../dialogs/change_pin.py" line="101"/>
        <source>C&amp;urrent:</source>
        <translation>現在のもの(&amp;U):</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="102"/>
        <source>&amp;New:</source>
        <translation>新しいもの(&amp;N):</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="103"/>
        <source>Con&amp;firm new:</source>
        <translation>新しいもの（確認）(&amp;F):</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="184"/>
        <source>6 to 16 characters</source>
        <translation>6〜16文字</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="186"/>
        <source>Only letters A-Z and digits 0-9 (lower case counts as upper case)</source>
        <translation>英字 A〜Z と数字 0〜9 のみ（小文字は大文字として扱います）</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="188"/>
        <source>Contains both a letter and a digit</source>
        <translation>英字と数字を両方含む</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="189"/>
        <location filename="../dialogs/change_pin.py" line="195"/>
        <source>Half-width, no spaces (input method off)</source>
        <translation>半角で空白なし（日本語入力はオフ）</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="190"/>
        <location filename="../dialogs/change_pin.py" line="196"/>
        <source>Both new entries match</source>
        <translation>新しいものの2回の入力が一致</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="193"/>
        <source>Exactly 4 digits</source>
        <translation>数字4桁</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="194"/>
        <source>Digits 0-9 only</source>
        <translation>数字 0〜9 のみ</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="242"/>
        <source>The %1 was changed. Use the new one from now on.</source>
        <translation>%1を変更しました。今後は新しいものを使ってください。</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="63"/>
        <source>Change password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="69"/>
        <source>Which one</source>
        <translation>変更するもの</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="73"/>
        <source>&amp;Signing password (6-16 characters)</source>
        <translation>署名用パスワード（6〜16文字）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="78"/>
        <source>User &amp;authentication PIN (4 digits)</source>
        <translation>利用者証明用暗証番号（数字4桁）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="95"/>
        <source>C&amp;hange</source>
        <translation>変更する(&amp;H)</translation>
    </message>
    <message>
        <location filename="../dialogs/change_pin.py" line="96"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../diagnostics_texts.py" line="26"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="27"/>
        <source>Check</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="28"/>
        <source>Problem</source>
        <translation>問題あり</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="29"/>
        <source>Skipped</source>
        <translation>省略</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="37"/>
        <source>PC/SC library</source>
        <translation>PC/SC ライブラリ</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="38"/>
        <source>Smart card service</source>
        <translation>スマートカードサービス</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="39"/>
        <source>Card readers</source>
        <translation>カードリーダー</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="40"/>
        <source>Card in the reader</source>
        <translation>リーダー内のカード</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="41"/>
        <source>Card type (ATR)</source>
        <translation>カードの種類（ATR）</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="42"/>
        <source>Reader not used by another program</source>
        <translation>他のプログラムによるリーダーの占有</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="43"/>
        <source>JPKI application</source>
        <translation>公的個人認証AP</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="44"/>
        <source>Kind of card</source>
        <translation>カードの種類</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="45"/>
        <source>Certificates on the card</source>
        <translation>カード内の電子証明書</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="46"/>
        <source>Signing password</source>
        <translation>署名用パスワード</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="47"/>
        <source>User authentication PIN</source>
        <translation>利用者証明用暗証番号</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="48"/>
        <source>Certificate expiry</source>
        <translation>電子証明書の有効期限</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="61"/>
        <source>Not checked: an earlier check did not pass.</source>
        <translation>未確認：前の項目で問題が見つかったため確認していません。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="65"/>
        <source>Blocked (0 of %1 tries left).</source>
        <translation>ロックされています（残り 0 / %1 回）。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="69"/>
        <source>%1 of %2 tries left.</source>
        <translation>残り %1 / %2 回。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="75"/>
        <source>Loaded.</source>
        <translation>読み込まれています。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="76"/>
        <source>The service answers.</source>
        <translation>サービスが応答しています。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="77"/>
        <source>Readers found: %1.</source>
        <translation>見つかったリーダー：%1 台。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="80"/>
        <source>A card is in the reader.</source>
        <translation>カードが差し込まれています。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="81"/>
        <source>A My Number card was recognised.</source>
        <translation>マイナンバーカードを認識しました。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="82"/>
        <source>Connected; no other program holds the reader.</source>
        <translation>接続できました。他のプログラムはリーダーを占有していません。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="85"/>
        <source>The JPKI application answers.</source>
        <translation>公的個人認証APが応答しています。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="86"/>
        <source>My Number card.</source>
        <translation>マイナンバーカードです。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="87"/>
        <source>Both certificates are on the card.</source>
        <translation>2種類の電子証明書がどちらも入っています。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="88"/>
        <source>Valid for more than three months.</source>
        <translation>有効期限まで3か月以上あります。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="89"/>
        <source>No problem found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="91"/>
        <source>The PC/SC library could not be loaded: install pcsc-lite (libpcsclite).</source>
        <translation>PC/SC ライブラリを読み込めません。pcsc-lite（libpcsclite）をインストールしてください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="94"/>
        <source>The smart card service is not running. Linux: sudo systemctl enable --now pcscd.socket (Flatpak: allow the pcsc socket). Windows: start the Smart Card service.</source>
        <translation>スマートカードサービスが動いていません。Linux：sudo systemctl enable --now pcscd.socket（Flatpak の場合は pcsc ソケットを許可）。Windows：Smart Card サービスを開始してください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="98"/>
        <source>No card reader found: connect it directly to the computer and check its driver.</source>
        <translation>カードリーダーが見つかりません。パソコンに直接接続し、ドライバーを確認してください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="102"/>
        <source>No card in the reader: insert the My Number card.</source>
        <translation>カードが差し込まれていません。マイナンバーカードを差し込んでください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="105"/>
        <source>The card type was not recognised: is it a My Number card, inserted the right way?</source>
        <translation>カードの種類を認識できません。マイナンバーカードを正しい向きで差し込んでいますか？</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="109"/>
        <source>Another program holds the reader: close it and check again.</source>
        <translation>他のプログラムがリーダーを使用中です。そのプログラムを閉じてから再確認してください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="112"/>
        <source>The card does not answer as a JPKI card: it may not be a My Number card.</source>
        <translation>公的個人認証のカードとして応答しません。マイナンバーカードではない可能性があります。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="116"/>
        <source>This is not a My Number card (for example an old resident register card).</source>
        <translation>マイナンバーカードではありません（旧住基カードなど）。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="120"/>
        <source>A certificate is missing on the card: the municipal office can issue it.</source>
        <translation>カードに電子証明書が入っていないものがあります。市区町村の窓口で発行できます。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="124"/>
        <source>The signing password has had wrong entries: enter it only if you are sure.</source>
        <translation>署名用パスワードの誤入力があります。確かな場合だけ入力してください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="128"/>
        <source>The user authentication PIN has had wrong entries: enter it only if you are sure.</source>
        <translation>利用者証明用暗証番号の誤入力があります。確かな場合だけ入力してください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="132"/>
        <source>The certificate expires soon or has expired: renew it at the municipal office.</source>
        <translation>電子証明書の有効期限が近いか、切れています。市区町村の窓口で更新してください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="137"/>
        <source>See the technical details.</source>
        <translation>技術的な詳細を確認してください。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="157"/>
        <source>Enter it only when you are sure of it: each wrong entry spends a try, and at 0 it is blocked.</source>
        <translation>確かなときだけ入力してください。間違えるたびに残り回数が1回減り、0回になるとロックされます。</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="169"/>
        <source>jpki-desktop diagnostic report</source>
        <translation>jpki-desktop 診断レポート</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="170"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="171"/>
        <source>Personal data</source>
        <translation>個人情報</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="172"/>
        <source>masked (no My Number, name, address, birth date, certificate serial, subject or exact expiry date)</source>
        <translation>伏せ字済み（個人番号、氏名、住所、生年月日、証明書のシリアル番号・主体者名、正確な有効期限は含みません）</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="177"/>
        <source>NOT MASKED: check before sending this report</source>
        <translation>伏せ字なし：このレポートを送る前に内容を確認してください</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="178"/>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="179"/>
        <source>Checks</source>
        <translation>確認項目</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="180"/>
        <source>What to do</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="181"/>
        <source>Technical details</source>
        <translation>技術的な詳細</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="182"/>
        <source>Summary</source>
        <translation>まとめ</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="183"/>
        <source>Commands sent to the card (APDUs)</source>
        <translation>カードに送ったコマンド数（APDU）</translation>
    </message>
    <message>
        <location filename="../diagnostics_texts.py" line="184"/>
        <source>reader</source>
        <translation>リーダー</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <location filename="../pages/diagnostics.py" line="83"/>
        <source>Diagnostics</source>
        <translation>診断</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="28"/>
        <source>Save the diagnostic report</source>
        <translation>診断レポートの保存</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="142"/>
        <source>Personal data (My Number, name, address, birth date, certificate serials) is masked.</source>
        <translation>個人情報（マイナンバー・氏名・住所・生年月日・証明書のシリアル番号）は伏せてあります。</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/diagnostics.py" line="152"/>
        <source>Checking… (%n check(s) done)</source>
        <translation>
            <numerusform>確認中…（%n 項目完了）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="156"/>
        <source>Everything looks fine.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="157"/>
        <source>Some items need attention.</source>
        <translation>確認が必要な項目があります。</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="158"/>
        <source>A problem was found: see what to do below.</source>
        <translation>問題が見つかりました。下の対処方法をご覧ください。</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="164"/>
        <source>Checks the smart card service, the reader and the card without using a password try.</source>
        <translation>スマートカードサービス・リーダー・カードを確認します。パスワードの試行回数は使いません。</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="180"/>
        <source>What to do:</source>
        <translation>対処方法：</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="191"/>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="54"/>
        <source>&amp;Run the checks</source>
        <translation>診断を実行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="57"/>
        <source>&amp;Save report for the help desk…</source>
        <translation>サポート窓口向けレポートを保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="66"/>
        <source>Show &amp;technical details (English)</source>
        <translation>技術的な詳細を表示（英語）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="62"/>
        <source>Re&amp;port language:</source>
        <translation>レポートの言語(&amp;P):</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="198"/>
        <source>Same as the app</source>
        <translation>アプリと同じ</translation>
    </message>
    <message>
        <location filename="../pages/diagnostics.py" line="200"/>
        <source>Japanese and English</source>
        <translation>日本語と英語</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../dialogs/common.py" line="73"/>
        <source>&amp;Yes</source>
        <translation>はい(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="74"/>
        <source>&amp;No</source>
        <translation>いいえ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="126"/>
        <source>Look in:</source>
        <translation>場所:</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="127"/>
        <source>File name:</source>
        <translation>ファイル名:</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="128"/>
        <source>Files of type:</source>
        <translation>ファイルの種類:</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="129"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="136"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../dialogs/common.py" line="140"/>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="28"/>
        <source>Last try</source>
        <translation>最後の1回</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="29"/>
        <source>Only one try is left for the %1. If this entry is wrong, it is blocked and only the municipal office (or the kiosk route) can reset it.</source>
        <translation>%1の残り回数はあと1回です。この入力が誤っているとロックされ、市区町村の窓口（またはコンビニのキオスク端末）でしか解除できなくなります。</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="35"/>
        <source>Use the last try now?</source>
        <translation>最後の1回を使いますか？</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="36"/>
        <source>&amp;Use the last try</source>
        <translation>最後の1回を使う(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Expiry</name>
    <message>
        <location filename="../expiry_texts.py" line="15"/>
        <source>Signing certificate</source>
        <translation>署名用電子証明書</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="16"/>
        <source>User authentication certificate</source>
        <translation>利用者証明用電子証明書</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="17"/>
        <source>My Number card</source>
        <translation>マイナンバーカード</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="25"/>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="26"/>
        <source>Valid; renewal is open</source>
        <translation>有効（更新手続きができます）</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="27"/>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="28"/>
        <source>Not issued</source>
        <translation>発行されていません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="29"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="37"/>
        <source>the 5th birthday after issue</source>
        <translation>発行日後5回目の誕生日</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="38"/>
        <source>the 10th birthday after issue</source>
        <translation>発行日後10回目の誕生日</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="39"/>
        <source>shortened to the card&apos;s own expiry</source>
        <translation>カードの有効期限に合わせて短縮</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="40"/>
        <source>shortened to the end of the period of stay</source>
        <translation>在留期間の満了日に合わせて短縮</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="43"/>
        <source>the expiry printed on the card</source>
        <translation>カード券面の有効期限</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="44"/>
        <source>as stated in the certificate (matches no known rule)</source>
        <translation>証明書の記載どおり（既知の規則と一致しません）</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="54"/>
        <source>No signing certificate is issued to holders under 15.</source>
        <translation>15歳未満の方には署名用電子証明書は発行されません。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="57"/>
        <source>The card holds no such certificate.</source>
        <translation>カードにこの証明書はありません。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="58"/>
        <source>Not issued yet.</source>
        <translation>まだ発行されていません。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="59"/>
        <source>Enter your date of birth to compute this.</source>
        <translation>計算するには生年月日を入力してください。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="62"/>
        <source>The issue date is needed to compute this.</source>
        <translation>計算には発行日が必要です。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="72"/>
        <source>I moved (new address)</source>
        <translation>引っ越した（住所が変わった）</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="73"/>
        <source>I married and my name changed</source>
        <translation>結婚して氏名が変わった</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="74"/>
        <source>I divorced and my name changed</source>
        <translation>離婚して氏名が変わった</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="75"/>
        <source>My name changed for another reason</source>
        <translation>その他の理由で氏名が変わった</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="76"/>
        <source>My registered date of birth was corrected</source>
        <translation>住民票の生年月日が訂正された</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="79"/>
        <source>My registered sex changed</source>
        <translation>住民票の性別が変わった</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="87"/>
        <source>name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="88"/>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="89"/>
        <source>date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="90"/>
        <source>sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="98"/>
        <source>The card&apos;s records match your signing certificate.</source>
        <translation>カードの記録と署名用電子証明書の内容は一致しています。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="101"/>
        <source>The card&apos;s records differ from your signing certificate: it has been revoked.</source>
        <translation>カードの記録と署名用電子証明書の内容が違います。署名用電子証明書は失効しています。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="105"/>
        <source>Your signing certificate will be revoked when the change is registered.</source>
        <translation>変更の届出が受理されると、署名用電子証明書は失効します。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="108"/>
        <source>Nothing to check: no change declared.</source>
        <translation>変更は申告されていません。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="116"/>
        <source>Bring the card when you notify the change at the municipal office.</source>
        <translation>市区町村の窓口で変更を届け出るときにカードを持参してください。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="119"/>
        <source>Apply for a new signing certificate at the municipal office.</source>
        <translation>市区町村の窓口で署名用電子証明書の新規発行を申請してください。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="122"/>
        <source>Nothing to do.</source>
        <translation>必要な手続きはありません。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="130"/>
        <source>Valid (not revoked)</source>
        <translation>有効（失効していません）</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="131"/>
        <source>Revoked</source>
        <translation>失効しています</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="132"/>
        <source>Not valid</source>
        <translation>有効ではありません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="133"/>
        <source>Could not be checked</source>
        <translation>確認できませんでした</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="141"/>
        <source>checked online (OCSP)</source>
        <translation>オンラインで確認（OCSP）</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="142"/>
        <source>checked online (CRL)</source>
        <translation>オンラインで確認（CRL）</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="143"/>
        <source>checked offline against a saved CRL</source>
        <translation>保存済みの失効リストでオフライン確認</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="144"/>
        <source>no revocation data</source>
        <translation>失効情報なし</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="152"/>
        <source>not issued by a JPKI certificate authority</source>
        <translation>公的個人認証の認証局が発行したものではありません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="155"/>
        <source>expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="156"/>
        <source>not valid yet</source>
        <translation>まだ有効期間前です</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="157"/>
        <source>the chain to the certificate authority is broken</source>
        <translation>認証局までの証明書チェーンが正しくありません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="160"/>
        <source>not a JPKI certificate</source>
        <translation>公的個人認証の証明書ではありません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="161"/>
        <source>its J-LIS certificate authority is not bundled (2019 generation), so it cannot be verified here</source>
        <translation>発行元の J-LIS 認証局（2019年世代）が同梱されていないため、ここでは確認できません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="165"/>
        <source>no revocation responder is known</source>
        <translation>失効情報の問い合わせ先がわかりません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="166"/>
        <source>the revocation responders did not answer usably</source>
        <translation>失効情報の問い合わせ先から有効な応答がありませんでした</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="169"/>
        <source>the responder does not know this certificate</source>
        <translation>問い合わせ先はこの証明書を知りません</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="172"/>
        <source>the saved CRL is too old</source>
        <translation>保存済みの失効リストが古すぎます</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="184"/>
        <source>Enter a date.</source>
        <translation>日付を入力してください。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="185"/>
        <source>Not a date this page reads. Write it like 1985-06-30, 1985/6/30 or S60.6.30 (Japanese era).</source>
        <translation>日付として読み取れません。1985-06-30、1985/6/30、昭和60年6月30日 のように入力してください。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="192"/>
        <source>That year is outside the era (for example Heisei ended on 30 April 2019).</source>
        <translation>その年はこの元号の期間外です（例：平成は2019年4月30日まで）。</translation>
    </message>
    <message>
        <location filename="../expiry_texts.py" line="189"/>
        <source>This day does not exist in the calendar.</source>
        <translation>この日付は暦にありません。</translation>
    </message>
</context>
<context>
    <name>ExpiryPage</name>
    <message>
        <location filename="../pages/expiry.py" line="205"/>
        <source>Expiry</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="270"/>
        <source>The card-info PIN (4 digits) lets the card show the name, address, date of birth and sex it records, to compare them with your signing certificate.</source>
        <translation>券面事項入力補助用暗証番号（数字4桁）を入力すると、カードに記録された氏名・住所・生年月日・性別を読み出し、署名用電子証明書と照合します。</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="290"/>
        <source>Differs: %1</source>
        <translation>異なる項目：%1</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="297"/>
        <source>Your user authentication certificate keeps working (it holds no personal data).</source>
        <translation>利用者証明用電子証明書は引き続き使えます（個人情報を含まないため）。</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="304"/>
        <source>To compare with the card&apos;s records, first show the signing certificate (Certificates page).</source>
        <translation>カードの記録と照合するには、先に署名用電子証明書を表示してください（電子証明書のページ）。</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="378"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="389"/>
        <source>(CRL issued %1)</source>
        <translation>（失効リストの発行 %1）</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="396"/>
        <source>Not checked yet in this session.</source>
        <translation>まだ確認していません。</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="400"/>
        <source>(Demo: answered by the demo card&apos;s test CA on this computer, not by J-LIS.)</source>
        <translation>（デモ：J-LIS ではなく、このコンピューター上のデモ用カードのテスト認証局が応答しています。）</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="50"/>
        <source>Save calendar reminders</source>
        <translation>カレンダー用リマインダーの保存</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="423"/>
        <source>Import the file into your calendar: reminders when renewal opens, 30 days before and on the expiry day.</source>
        <translation>このファイルをカレンダーに取り込んでください。更新開始日・期限の30日前・期限当日にお知らせします。</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/expiry.py" line="437"/>
        <source>valid until %1 (%n days left)</source>
        <translation>
            <numerusform>有効期限 %1（あと %n 日）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="442"/>
        <source>expired on %1</source>
        <translation>%1 に期限切れ</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="444"/>
        <source>renewal from %1</source>
        <translation>更新手続きは %1 から</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="447"/>
        <source>expiry notice arrives %1 – %2</source>
        <translation>有効期限通知書の到着は %1〜%2 ごろ</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="452"/>
        <source>limit: %1</source>
        <translation>期限の根拠：%1</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="454"/>
        <source>renewing means applying for a new card</source>
        <translation>更新はカードの新規申請になります</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="456"/>
        <source>estimated: enter the expiry printed on the card for certainty</source>
        <translation>推定値です。正確にはカード券面の有効期限を入力してください</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="457"/>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="457"/>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="462"/>
        <source>Issued</source>
        <translation>発行</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="463"/>
        <source>Renewal</source>
        <translation>更新開始</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="464"/>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="465"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="109"/>
        <source>Facts the card does not tell (optional)</source>
        <translation>カードから読み取れない情報（任意）</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="119"/>
        <source>Date of &amp;birth:</source>
        <translation>生年月日(&amp;B):</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="116"/>
        <source>e.g. 1985-06-30, 1985/6/30 or S60.6.30</source>
        <translation>例：1985-06-30、1985/6/30、昭和60年6月30日</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="120"/>
        <source>E&amp;xpiry printed on the card:</source>
        <translation>券面の有効期限(&amp;X):</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="121"/>
        <source>End of &amp;period of stay:</source>
        <translation>在留期間の満了日(&amp;P):</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="139"/>
        <source>Card applied for before &amp;April 2022</source>
        <translation>2022年4月より前にカードを申請した(&amp;A)</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="145"/>
        <source>Save calendar &amp;reminders (.ics)…</source>
        <translation>カレンダー用リマインダーを保存（.ics）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="149"/>
        <source>Did your name or address change?</source>
        <translation>氏名や住所は変わりましたか？</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="156"/>
        <source>Moving or a change of name revokes the signing certificate, even before it expires. The user authentication certificate keeps working.</source>
        <translation>引っ越しや氏名の変更があると、有効期限内でも署名用電子証明書は失効します。利用者証明用電子証明書は引き続き使えます。</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="171"/>
        <source>Co&amp;mpare with the card&apos;s records (card-info PIN)…</source>
        <translation>カードの記録と照合（券面事項入力補助用暗証番号）(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="183"/>
        <source>Validity check (自己の電子証明書の有効性確認)</source>
        <translation>自己の電子証明書の有効性確認</translation>
    </message>
    <message>
        <location filename="../pages/expiry.py" line="189"/>
        <source>Check &amp;validity now</source>
        <translation>今すぐ有効性を確認(&amp;V)</translation>
    </message>
</context>
<context>
    <name>FileTypes</name>
    <message>
        <location filename="../dialogs/file_types.py" line="35"/>
        <source>PDF files</source>
        <translation>PDF ファイル</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="36"/>
        <source>Signed files</source>
        <translation>署名ファイル</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="37"/>
        <source>Encrypted package</source>
        <translation>暗号化された申請データ</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="38"/>
        <source>PEM certificate</source>
        <translation>PEM 形式の証明書</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="39"/>
        <source>DER certificate</source>
        <translation>DER 形式の証明書</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="40"/>
        <source>Text files</source>
        <translation>テキストファイル</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="41"/>
        <source>Calendar files</source>
        <translation>カレンダーファイル</translation>
    </message>
    <message>
        <location filename="../dialogs/file_types.py" line="42"/>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <location filename="../flow/step.py" line="92"/>
        <source>&amp;Next</source>
        <translation>次へ(&amp;N)</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <location filename="../pages/flow.py" line="105"/>
        <source>Apply online</source>
        <translation>電子申請</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/flow.py" line="195"/>
        <source>%n application(s) left from an earlier session were delivered.</source>
        <translation>
            <numerusform>前回送信できなかった申請 %n 件を送信しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/flow.py" line="66"/>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <location filename="../pages/flow.py" line="67"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>FormStep</name>
    <message>
        <location filename="../flow/step_form.py" line="220"/>
        <source>Form</source>
        <translation>申請書の入力</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="348"/>
        <source>The card-info PIN (4 digits) lets the card show the name, address and date of birth it records, to fill them in on the form.</source>
        <translation>券面事項入力補助用暗証番号（数字4桁）を入力すると、カードに記録された氏名・住所・生年月日を読み取り、申請書に入力します。</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="378"/>
        <source>Attach a file</source>
        <translation>添付ファイルの追加</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="404"/>
        <source>The certificate read from the card is not a signing certificate with your name and address. Nothing was signed.</source>
        <translation>カードから読み取った証明書は、氏名・住所が記録された署名用電子証明書ではありません。署名はしていません。</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="411"/>
        <source>%1 does not match your signing certificate. Enter it as recorded on your card, or fill it in from the card.</source>
        <translation>%1が署名用電子証明書の記録と一致しません。カードに記録されているとおりに入力するか、カードから入力してください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../flow/step_form.py" line="462"/>
        <source>%n item(s) need attention.</source>
        <translation>
            <numerusform>%n 件の項目を確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="482"/>
        <source>(required)</source>
        <translation>（必須）</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="487"/>
        <location filename="../flow/step_form.py" line="489"/>
        <source>Attachments</source>
        <translation>添付書類</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="150"/>
        <source>Fill in the form. Items marked as required must be filled in. The name, address and date of birth must match your signing certificate.</source>
        <translation>申請書に記入してください。（必須）の項目は必ず入力してください。氏名・住所・生年月日は署名用電子証明書の記載と一致している必要があります。</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="167"/>
        <source>Name, address and date of birth are checked against your signing certificate before the card signs. Fill them in from the card to avoid a mismatch.</source>
        <translation>氏名・住所・生年月日は、カードで署名する前に署名用電子証明書の記録と照合します。不一致を防ぐには、カードから入力してください。</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="176"/>
        <source>Fill in from the car&amp;d (card-info PIN, 4 digits)…</source>
        <translation>カードから入力（券面事項入力補助用暗証番号・数字4桁）(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="180"/>
        <source>Fill in from the card with the card-info PIN</source>
        <translation>券面事項入力補助用暗証番号でカードから入力</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="186"/>
        <source>Fill in name, address and date of birth from the &amp;signing certificate</source>
        <translation>署名用電子証明書から氏名・住所・生年月日を入力(&amp;S)</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="202"/>
        <source>&amp;Add file…</source>
        <translation>ファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../flow/step_form.py" line="206"/>
        <source>Re&amp;move file</source>
        <translation>ファイルを削除(&amp;M)</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../help.py" line="28"/>
        <source>My card</source>
        <translation>マイカード</translation>
    </message>
    <message>
        <location filename="../help.py" line="30"/>
        <source>Shows the reader, the card, and how many tries are left for each password. Reading the counters never spends a try.</source>
        <translation>リーダーとカード、各パスワードの残り回数を表示します。残り回数の読み取りで回数が減ることはありません。</translation>
    </message>
    <message>
        <location filename="../help.py" line="35"/>
        <source>A blocked password cannot be unlocked here: the page says where to reset it (the municipal office, or a convenience-store kiosk when the other password still works).</source>
        <translation>ロックされたパスワードはこのアプリでは解除できません。どこで初期化できるか（市区町村の窓口、またはもう一方のパスワードが使える場合はコンビニのキオスク端末）をこのページに表示します。</translation>
    </message>
    <message>
        <location filename="../help.py" line="41"/>
        <source>The banner at the top shows the most urgent thing to do, for example a certificate that expires soon.</source>
        <translation>上部の帯には、いま最も急いで対応すべきこと（有効期限が近い証明書など）を表示します。</translation>
    </message>
    <message>
        <location filename="../help.py" line="49"/>
        <source>Certificates</source>
        <translation>電子証明書</translation>
    </message>
    <message>
        <location filename="../help.py" line="51"/>
        <source>The user authentication certificate is public and shown without a password. The signing certificate holds your name, address, date of birth and sex, so it is read only after the signing password.</source>
        <translation>利用者証明用電子証明書は公開情報のため、パスワードなしで表示します。署名用電子証明書には氏名・住所・生年月日・性別が記録されているため、署名用パスワードを入力した後にだけ読み取ります。</translation>
    </message>
    <message>
        <location filename="../help.py" line="57"/>
        <source>Export saves a certificate as PEM or DER; the signing certificate&apos;s file holds your personal data.</source>
        <translation>書き出しで証明書を PEM または DER 形式で保存できます。署名用電子証明書のファイルには個人情報が含まれます。</translation>
    </message>
    <message>
        <location filename="../help.py" line="65"/>
        <source>Expiry</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../help.py" line="73"/>
        <source>A move or a change of name revokes the signing certificate at once: tick what happened to see what still works.</source>
        <translation>引っ越しや氏名の変更があると、署名用電子証明書はすぐに失効します。当てはまるものにチェックを入れると、何がまだ使えるかを表示します。</translation>
    </message>
    <message>
        <location filename="../help.py" line="67"/>
        <source>Both certificates expire on the fifth birthday after they were issued (never after the card: usually its tenth birthday after issue, the fifth for those under 18). Renewal at the municipal office opens three months before.</source>
        <translation>どちらの電子証明書も、発行日後5回目の誕生日が有効期限です（カードの有効期限を超えることはありません。カードは通常、発行日後10回目の誕生日、18歳未満は5回目の誕生日まで）。市区町村の窓口での更新は有効期限の3か月前から受け付けます。</translation>
    </message>
    <message>
        <location filename="../help.py" line="78"/>
        <source>Dates may be typed as 1985-06-30, 1985/6/30 or in the Japanese era (S60.6.30). Reminders can be saved to your calendar (.ics).</source>
        <translation>日付は 1985-06-30、1985/6/30、昭和60年6月30日 のどの形でも入力できます。リマインダーをカレンダー（.ics）に保存できます。</translation>
    </message>
    <message>
        <location filename="../help.py" line="86"/>
        <source>Apply online</source>
        <translation>電子申請</translation>
    </message>
    <message>
        <location filename="../help.py" line="88"/>
        <source>Seven steps: reader and card, procedure, form, signing password, signing and encryption, sending, and the agency&apos;s receipt.</source>
        <translation>7つの手順で進みます：リーダーとカード、手続きの選択、申請内容の入力、署名用パスワード、署名と暗号化、送信、受付結果。</translation>
    </message>
    <message>
        <location filename="../help.py" line="93"/>
        <source>The name, address and date of birth on the form must match your signing certificate. Nothing is sent to the card before you type the password in step 4.</source>
        <translation>申請書の氏名・住所・生年月日は署名用電子証明書と一致している必要があります。手順4でパスワードを入力するまで、カードには何も送りません。</translation>
    </message>
    <message>
        <location filename="../help.py" line="99"/>
        <source>The package is encrypted for the agency only. If sending fails it waits in the outbox and is sent again later; the receipt is kept.</source>
        <translation>申請データは申請先だけが開けるように暗号化されます。送信に失敗した場合は送信待ちに残り、後で再送します。受付結果は保存されます。</translation>
    </message>
    <message>
        <location filename="../help.py" line="107"/>
        <source>Sign PDF</source>
        <translation>PDF に署名</translation>
    </message>
    <message>
        <location filename="../help.py" line="109"/>
        <source>Signs a PDF with your signing certificate, inside the PDF, for the Ministry of Justice&apos;s online registration (profile &apos;moj&apos;, the default) or with a trusted timestamp (PAdES, needs a time-stamping service).</source>
        <translation>署名用電子証明書で PDF の中に署名します。法務省の登記・供託オンライン申請向け（既定の「moj」形式）と、信頼できるタイムスタンプ付き（PAdES、タイムスタンプ局が必要）が選べます。</translation>
    </message>
    <message>
        <location filename="../help.py" line="115"/>
        <source>Everyone who receives the signed PDF can read your name, address, date of birth and sex from the certificate inside it.</source>
        <translation>署名した PDF を受け取った人は誰でも、中の証明書からあなたの氏名・住所・生年月日・性別を読み取れます。</translation>
    </message>
    <message>
        <location filename="../help.py" line="120"/>
        <source>The original PDF is never changed; a PDF that is encrypted, damaged or certified against changes is refused before the card is used.</source>
        <translation>元の PDF は変更しません。暗号化された PDF、壊れた PDF、変更禁止で認証された PDF は、カードを使う前にお断りします。</translation>
    </message>
    <message>
        <location filename="../help.py" line="128"/>
        <source>Verify</source>
        <translation>署名の検証</translation>
    </message>
    <message>
        <location filename="../help.py" line="130"/>
        <source>Open or drop a signed file (.p7s, signed XML, a submission package, a signed PDF) to see who signed it, when, and whether the signature is valid.</source>
        <translation>署名付きファイル（.p7s、署名付き XML、申請データ、署名付き PDF）を開くかドロップすると、署名者・署名日時・署名が有効かどうかを表示します。</translation>
    </message>
    <message>
        <location filename="../help.py" line="135"/>
        <source>&apos;Valid, revocation not checked&apos; means the signature is intact but nobody asked J-LIS whether the certificate was revoked.</source>
        <translation>「有効（失効は未確認）」は、署名は改ざんされていないものの、証明書が失効していないかを J-LIS に確認していないという意味です。</translation>
    </message>
    <message>
        <location filename="../help.py" line="143"/>
        <source>Diagnostics</source>
        <translation>診断</translation>
    </message>
    <message>
        <location filename="../help.py" line="145"/>
        <source>Checks the smart card service, the reader and the card, without using a password try, and says what to do for each problem.</source>
        <translation>パスワードの試行回数を使わずに、スマートカードサービス・リーダー・カードを確認し、問題ごとに対処方法を示します。</translation>
    </message>
    <message>
        <location filename="../help.py" line="150"/>
        <source>The report for a help desk has your personal data masked; choose its language before saving.</source>
        <translation>サポート窓口向けのレポートでは個人情報を伏せ字にします。保存する前にレポートの言語を選んでください。</translation>
    </message>
    <message>
        <location filename="../help.py" line="158"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../help.py" line="160"/>
        <source>Language, the reader to use, how certificates are checked for revocation, and the network (proxy). Passwords are never stored.</source>
        <translation>表示言語、使うリーダー、証明書の失効確認の方法、ネットワーク（プロキシ）を設定します。パスワードは保存しません。</translation>
    </message>
    <message>
        <location filename="../help.py" line="171"/>
        <source>jpki-desktop</source>
        <translation>jpki-desktop</translation>
    </message>
    <message>
        <location filename="../help.py" line="173"/>
        <source>Choose a page on the left. F1 shows help for the page you are on.</source>
        <translation>左の一覧からページを選んでください。F1 キーで表示中のページのヘルプを開きます。</translation>
    </message>
    <message>
        <location filename="../help.py" line="184"/>
        <source>JPKI portal (J-LIS): certificates, password resets, the kiosk route</source>
        <translation>公的個人認証サービス ポータルサイト（J-LIS）：電子証明書、パスワードの初期化、コンビニでの再設定</translation>
    </message>
    <message>
        <location filename="../help.py" line="190"/>
        <source>My Number card portal: renewal, lost cards, the municipal office</source>
        <translation>マイナンバーカード総合サイト：更新、紛失、市区町村の窓口</translation>
    </message>
    <message>
        <location filename="../help.py" line="193"/>
        <source>e-Tax (National Tax Agency)</source>
        <translation>e-Tax（国税庁）</translation>
    </message>
    <message>
        <location filename="../help.py" line="195"/>
        <source>Online registration and deposit system (Ministry of Justice)</source>
        <translation>登記・供託オンライン申請システム（法務省）</translation>
    </message>
    <message>
        <location filename="../help.py" line="204"/>
        <source>This is the demo card: a fictitious holder and a test PKI, not issued by J-LIS.</source>
        <translation>これはデモ用カードです。架空の名義人とテスト用の認証基盤で、J-LIS が発行したものではありません。</translation>
    </message>
    <message>
        <location filename="../help.py" line="209"/>
        <source>Demo agency service account: user ID %1, password %2 (fictitious).</source>
        <translation>デモ申請先の利用者アカウント：利用者ID %1、パスワード %2（架空のものです）。</translation>
    </message>
    <message>
        <location filename="../help.py" line="220"/>
        <source>Demo card</source>
        <translation>デモ用カード</translation>
    </message>
    <message>
        <location filename="../help.py" line="223"/>
        <source>Official pages</source>
        <translation>公式サイト</translation>
    </message>
    <message>
        <location filename="../help.py" line="227"/>
        <source>Steps that need the municipal office (renewal, resets, a new card) cannot be done in this app.</source>
        <translation>市区町村の窓口での手続き（更新、初期化、カードの再発行）はこのアプリではできません。</translation>
    </message>
    <message>
        <location filename="../help.py" line="245"/>
        <source>Help: %1</source>
        <translation>ヘルプ：%1</translation>
    </message>
    <message>
        <location filename="../help.py" line="248"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="302"/>
        <source>About jpki-desktop</source>
        <translation>jpki-desktop について</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="303"/>
        <source>jpki-desktop %1: a client for the My Number card and JPKI.</source>
        <translation>jpki-desktop %1：マイナンバーカードと公的個人認証サービスの利用者クライアントです。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="307"/>
        <source>The demo card and its certificates are for testing only; they are not issued by J-LIS.</source>
        <translation>デモ用カードとその証明書はテスト専用で、J-LIS が発行したものではありません。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326"/>
        <source>Using the card… do not remove it.</source>
        <translation>カードと通信中です。カードを抜かないでください。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="341"/>
        <source>jpki-desktop — My Number card</source>
        <translation>jpki-desktop — マイナンバーカード</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="343"/>
        <source>[demo card]</source>
        <translation>［デモ用カード］</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350"/>
        <source>Loading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="79"/>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>&amp;Card</source>
        <translation>カード(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>&amp;Read the card again</source>
        <translation>カードを読み直す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>&amp;Change password…</source>
        <translation>パスワードの変更(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>Simulate &amp;removing the card (demo)</source>
        <translation>カードを抜く（デモ）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>Simulate &amp;inserting the card (demo)</source>
        <translation>カードを差し込む（デモ）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="246"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>&amp;Help for this page</source>
        <translation>このページのヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>&amp;About jpki-desktop</source>
        <translation>jpki-desktop について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363"/>
        <source>Starting…</source>
        <translation>起動しています…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../alerts.py" line="30"/>
        <source>User authentication certificate</source>
        <translation>利用者証明用電子証明書</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="31"/>
        <location filename="../messages.py" line="460"/>
        <source>Signing certificate</source>
        <translation>署名用電子証明書</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="32"/>
        <location filename="../messages.py" line="181"/>
        <location filename="../messages.py" line="231"/>
        <source>CA certificate (user authentication)</source>
        <translation>認証局の証明書（利用者証明用）</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="33"/>
        <location filename="../messages.py" line="182"/>
        <location filename="../messages.py" line="232"/>
        <source>CA certificate (signing)</source>
        <translation>認証局の証明書（署名用）</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="60"/>
        <source>The %1 expired on %2. Renew it at your municipal office; renewal after expiry is free.</source>
        <translation>%1は %2 に有効期限が切れました。市区町村の窓口で更新してください。期限後の更新も無料です。</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="72"/>
        <source>Only one try is left for the %1. One more wrong entry blocks it.</source>
        <translation>%1の残り回数はあと1回です。次に誤るとロックされます。</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="79"/>
        <source>The %1 expires on %2 (days left: %3). You can renew it now.</source>
        <translation>%1の有効期限は %2 です（あと %3 日）。更新手続きができます。</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="91"/>
        <source>Tries left for the %1: %2. A correct entry resets the count.</source>
        <translation>%1の残り回数：%2 回。正しく入力すると回数は元に戻ります。</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="100"/>
        <source>This card has no signing certificate: online applications cannot be signed with it.</source>
        <translation>このカードには署名用電子証明書がないため、電子申請の署名には使えません。</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="105"/>
        <source>Your card is ready to use.</source>
        <translation>カードは利用できる状態です。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <location filename="../messages.py" line="234"/>
        <source>signing password</source>
        <translation>署名用パスワード</translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <location filename="../messages.py" line="235"/>
        <source>user authentication PIN</source>
        <translation>利用者証明用暗証番号</translation>
    </message>
    <message>
        <location filename="../messages.py" line="54"/>
        <source>card-info PIN</source>
        <translation>券面事項入力補助用暗証番号</translation>
    </message>
    <message>
        <location filename="../messages.py" line="45"/>
        <source>Signing password</source>
        <translation>署名用パスワード</translation>
    </message>
    <message>
        <location filename="../messages.py" line="50"/>
        <source>User authentication PIN</source>
        <translation>利用者証明用暗証番号</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>Card-info PIN</source>
        <translation>券面事項入力補助用暗証番号</translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>Signing &amp;password:</source>
        <translation>署名用パスワード(&amp;P):</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>&amp;User authentication PIN:</source>
        <translation>利用者証明用暗証番号(&amp;U):</translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>&amp;Card-info PIN:</source>
        <translation>券面事項入力補助用暗証番号(&amp;C):</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>6 to 16 letters A-Z and digits 0-9</source>
        <translation>英字 A〜Z と数字 0〜9 で6〜16文字</translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>4 digits</source>
        <translation>数字4桁</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>Nothing entered yet.</source>
        <translation>まだ入力されていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="74"/>
        <source>Too short.</source>
        <translation>短すぎます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="75"/>
        <source>Too long.</source>
        <translation>長すぎます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>Full-width characters: turn the Japanese input method off.</source>
        <translation>全角文字が含まれています。日本語入力をオフにしてください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="79"/>
        <source>Contains a space.</source>
        <translation>空白が含まれています。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="80"/>
        <source>Digits 0-9 only.</source>
        <translation>数字 0〜9 だけで入力してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="81"/>
        <source>Letters A-Z and digits 0-9 only.</source>
        <translation>英字 A〜Z と数字 0〜9 だけで入力してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="84"/>
        <source>Must mix letters and digits.</source>
        <translation>英字と数字を両方含めてください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>Tries left: unknown</source>
        <translation>残り回数：不明</translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>%1 of %2 tries left</source>
        <translation>残り %1 / %2 回</translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../messages.py" line="105"/>
        <source>A wrong entry was made. A correct entry resets the count.</source>
        <translation>誤入力がありました。正しく入力すると回数は元に戻ります。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="108"/>
        <source>Last try: one more wrong entry blocks it.</source>
        <translation>最後の1回です。次に誤るとロックされます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="109"/>
        <source>Blocked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../messages.py" line="110"/>
        <source>The card did not report the count.</source>
        <translation>カードが残り回数を返しませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="120"/>
        <source>Reset it at your municipal office (市区町村窓口): bring the card and an official photo ID.</source>
        <translation>お住まいの市区町村の窓口で初期化（再設定）してください。カードと顔写真付きの本人確認書類をお持ちください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="129"/>
        <source>Or, because your %1 still works: reset it at a convenience-store kiosk with the JPKI PIN reset smartphone app (JPKI暗証番号リセット).</source>
        <translation>または、%1が使えるので、スマートフォンアプリ「JPKI暗証番号リセット」とコンビニのキオスク端末でも再設定できます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>Both passwords are blocked, so only the municipal office can reset them. %1</source>
        <translation>両方ともロックされているため、市区町村の窓口でしか再設定できません。%1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>If your %1 still works, a convenience-store kiosk with the JPKI PIN reset smartphone app is another route.</source>
        <translation>%1が使える場合は、スマートフォンアプリ「JPKI暗証番号リセット」とコンビニのキオスク端末でも再設定できます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="148"/>
        <source>The %1 is blocked. It cannot be entered here.</source>
        <translation>%1はロックされています。ここでは入力できません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="160"/>
        <source>My Number card</source>
        <translation>マイナンバーカード</translation>
    </message>
    <message>
        <location filename="../messages.py" line="161"/>
        <source>Basic resident register card (住基カード)</source>
        <translation>住民基本台帳カード（住基カード）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="164"/>
        <source>Smartphone JPKI (Android)</source>
        <translation>スマホ用電子証明書（Android）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="165"/>
        <source>Smartphone JPKI (iPhone)</source>
        <translation>スマホ用電子証明書（iPhone）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="166"/>
        <source>Unknown JPKI token</source>
        <translation>不明な公的個人認証トークン</translation>
    </message>
    <message>
        <location filename="../messages.py" line="174"/>
        <source>JPKI application</source>
        <translation>公的個人認証アプリケーション</translation>
    </message>
    <message>
        <location filename="../messages.py" line="175"/>
        <source>card type</source>
        <translation>カードの種類</translation>
    </message>
    <message>
        <location filename="../messages.py" line="176"/>
        <location filename="../messages.py" line="229"/>
        <source>which certificates the card holds</source>
        <translation>カードにある電子証明書</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179"/>
        <source>password tries left</source>
        <translation>パスワードの残り回数</translation>
    </message>
    <message>
        <location filename="../messages.py" line="180"/>
        <location filename="../messages.py" line="230"/>
        <source>user authentication certificate</source>
        <translation>利用者証明用電子証明書</translation>
    </message>
    <message>
        <location filename="../messages.py" line="183"/>
        <location filename="../messages.py" line="233"/>
        <source>card-info PIN tries left</source>
        <translation>券面事項入力補助用暗証番号の残り回数</translation>
    </message>
    <message>
        <location filename="../messages.py" line="192"/>
        <source>Reading: %1 (%2 of %3 bytes)</source>
        <translation>読み取り中：%1（%3 バイト中 %2 バイト）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="197"/>
        <source>Reading: %1</source>
        <translation>読み取り中：%1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="203"/>
        <source>Face-authentication card (顔認証マイナンバーカード): no password is set and there is no signing certificate. It works as a health insurance card and as photo ID; online services that need a password (signing, My Number Portal, e-Tax, convenience-store certificates) do not. Your municipal office can change it to a card with passwords.</source>
        <translation>顔認証マイナンバーカードです。暗証番号は設定されておらず、署名用電子証明書もありません。健康保険証や顔写真付きの本人確認書類としては使えますが、暗証番号が必要なサービス（電子署名、マイナポータル、確定申告の電子申告、コンビニでの証明書の交付）は使えません。暗証番号を設定したカードへの変更は市区町村の窓口でできます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="211"/>
        <source>This card holds no electronic certificate (not issued, or revoked). To sign or log in online, apply for the certificates at your municipal office (bring the card).</source>
        <translation>このカードには電子証明書がありません（発行していないか、失効しています）。電子署名やオンラインでのログインに使うには、カードを持って市区町村の窓口で電子証明書の発行を申請してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="217"/>
        <source>Smartphone certificate: its user authentication certificate is read only with the user authentication PIN, when you ask for it (Certificates page).</source>
        <translation>スマホ用電子証明書です。利用者証明用電子証明書は、ご希望のときに利用者証明用暗証番号を入力して読み取ります（電子証明書のページ）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="242"/>
        <source>Could not be read: %1 (%2).</source>
        <translation>読み取れませんでした：%1（%2）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="362"/>
        <source>Looking for card readers…</source>
        <translation>カードリーダーを探しています…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="262"/>
        <source>The smart card service is not running.</source>
        <translation>スマートカードサービスが動いていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="263"/>
        <source>Start it (Linux: sudo systemctl enable --now pcscd.socket), or open Diagnostics.</source>
        <translation>サービスを起動するか（Linux：sudo systemctl enable --now pcscd.socket）、診断を開いてください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="270"/>
        <source>No card reader found.</source>
        <translation>カードリーダーが見つかりません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="271"/>
        <source>Connect an IC card reader and check its driver, or open Diagnostics.</source>
        <translation>ICカードリーダーを接続してドライバーを確認するか、診断を開いてください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="277"/>
        <source>No card in the reader.</source>
        <translation>カードが差し込まれていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="278"/>
        <source>Insert your My Number card (chip first, face up).</source>
        <translation>マイナンバーカードを差し込んでください（ICチップ側から、表面を上にして）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="372"/>
        <source>Reading the card… do not remove it.</source>
        <translation>カードを読み取っています。カードを抜かないでください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="376"/>
        <source>The card could not be read.</source>
        <translation>カードを読み取れませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="306"/>
        <location filename="../messages.py" line="377"/>
        <source>Remove the card and insert it again.</source>
        <translation>カードを抜いて、もう一度差し込んでください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="379"/>
        <source>Card ready.</source>
        <translation>カードを読み取りました。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="261"/>
        <source>Smart card service</source>
        <translation>スマートカードサービス</translation>
    </message>
    <message>
        <location filename="../messages.py" line="269"/>
        <location filename="../messages.py" line="288"/>
        <location filename="../messages.py" line="309"/>
        <source>Card reader</source>
        <translation>カードリーダー</translation>
    </message>
    <message>
        <location filename="../messages.py" line="276"/>
        <location filename="../messages.py" line="293"/>
        <location filename="../messages.py" line="300"/>
        <location filename="../messages.py" line="304"/>
        <location filename="../messages.py" line="427"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../messages.py" line="281"/>
        <source>Card removed</source>
        <translation>カードが抜かれました</translation>
    </message>
    <message>
        <location filename="../messages.py" line="282"/>
        <source>The card was removed during the operation. Nothing was sent or saved.</source>
        <translation>処理中にカードが抜かれました。何も送信・保存されていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="285"/>
        <source>Insert the card again and retry.</source>
        <translation>カードを差し込み直して、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="289"/>
        <source>Another program is using the card reader.</source>
        <translation>他のプログラムがカードリーダーを使用しています。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="290"/>
        <source>Close it and retry.</source>
        <translation>そのプログラムを閉じて、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="294"/>
        <source>This card has no JPKI application: it is not a My Number card.</source>
        <translation>このカードには公的個人認証APがありません。マイナンバーカードではありません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="297"/>
        <source>Insert your My Number card.</source>
        <translation>マイナンバーカードを差し込んでください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="394"/>
        <source>Not sent to the card: %1</source>
        <translation>カードには送信していません：%1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="399"/>
        <source>No %1 is set on this card. Nothing was sent to it.</source>
        <translation>このカードには%1が設定されていません。カードには何も送っていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="402"/>
        <source>Your municipal office can set one.</source>
        <translation>市区町村の窓口で設定できます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="407"/>
        <source>Only one try is left. Nothing was sent to the card.</source>
        <translation>残り回数はあと1回です。カードには何も送信していません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="412"/>
        <source>The %1 is blocked.</source>
        <translation>%1はロックされています。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="416"/>
        <source>Wrong %1. Tries left: %2 (read from the card).</source>
        <translation>%1が違います。残り %2 回（カードから読み取った回数）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="418"/>
        <source>One more wrong entry blocks it.</source>
        <translation>次に誤るとロックされます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="301"/>
        <source>The card requires a password for this operation.</source>
        <translation>この操作にはパスワードが必要です。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="305"/>
        <source>The card returned malformed data.</source>
        <translation>カードから正しくないデータが返されました。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="428"/>
        <source>The card refused the command (status %1).</source>
        <translation>カードが命令を受け付けませんでした（ステータス %1）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="310"/>
        <source>Communication with the card reader failed.</source>
        <translation>カードリーダーとの通信に失敗しました。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="311"/>
        <source>Remove the card and insert it again, or open Diagnostics.</source>
        <translation>カードを抜いて差し込み直すか、診断を開いてください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="435"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../messages.py" line="436"/>
        <source>The file could not be written or read: %1</source>
        <translation>ファイルを読み書きできませんでした：%1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="441"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../messages.py" line="442"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー：%1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="449"/>
        <source>Rejected</source>
        <translation>受付されませんでした</translation>
    </message>
    <message>
        <location filename="../messages.py" line="450"/>
        <source>The agency rejected the application: %1</source>
        <translation>申請先が申請を受け付けませんでした：%1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="461"/>
        <source>If this computer&apos;s date is wrong, correct it and retry.</source>
        <translation>このコンピューターの日付が間違っている場合は、正しく直してからやり直してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="465"/>
        <source>Your signing certificate has been revoked (for example after a move or a name change). Nothing was signed.</source>
        <translation>署名用電子証明書は失効しています（引っ越しや氏名の変更の後など）。署名はしていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="470"/>
        <source>Apply for a new one at your municipal office.</source>
        <translation>市区町村の窓口で新しく発行を申請してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="475"/>
        <source>Your signing certificate has expired. Nothing was signed.</source>
        <translation>署名用電子証明書の有効期限が切れています。署名はしていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="476"/>
        <source>Renew it at your municipal office (bring the card).</source>
        <translation>市区町村の窓口で更新してください（カードをお持ちください）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="482"/>
        <source>Your signing certificate is not valid yet. Nothing was signed.</source>
        <translation>署名用電子証明書はまだ有効期間が始まっていません。署名はしていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="506"/>
        <source>The package is kept in the outbox and is sent again on the next start; you can also press Send again now.</source>
        <translation>申請データは送信待ちに保管され、次回の起動時に再送信されます。今すぐ［送信する］をもう一度押すこともできます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="512"/>
        <source>Check the user ID, enter the password again and press Send. The package is kept in the outbox until the agency accepts it.</source>
        <translation>利用者識別番号を確かめ、パスワードを入力し直して［送信する］を押してください。申請データは申請先に受け付けられるまで送信待ちに保管されます。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="518"/>
        <source>The package is kept in the outbox. Check this computer&apos;s date and the proxy setting, then send again; or save the package to a file instead.</source>
        <translation>申請データは送信待ちに保管されています。このコンピューターの日付とプロキシの設定を確かめてから送信し直すか、代わりにファイルに保存してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="523"/>
        <source>The package is kept in the outbox. Save it to a file instead and ask the agency how to hand it in.</source>
        <translation>申請データは送信待ちに保管されています。代わりにファイルに保存し、提出方法を申請先にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="491"/>
        <source>The agency could not be reached.</source>
        <translation>申請先に接続できませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="492"/>
        <source>The agency did not answer in time.</source>
        <translation>申請先から時間内に応答がありませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="493"/>
        <source>The agency&apos;s server reported an error.</source>
        <translation>申請先のサーバーでエラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="494"/>
        <source>The agency&apos;s server certificate was refused.</source>
        <translation>申請先のサーバー証明書を確認できませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="495"/>
        <source>The user ID or the password of the service account is wrong: the agency refused it.</source>
        <translation>利用者識別番号または暗証番号（サービスアカウントのパスワード）が正しくないため、申請先に受け付けられませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="537"/>
        <source>The agency&apos;s answer could not be read.</source>
        <translation>申請先からの応答を読み取れませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="314"/>
        <location filename="../messages.py" line="342"/>
        <location filename="../messages.py" line="539"/>
        <location filename="../messages.py" line="542"/>
        <source>Sending</source>
        <translation>送信</translation>
    </message>
    <message>
        <location filename="../messages.py" line="315"/>
        <source>This agency needs your service account (user ID and password).</source>
        <translation>この申請先には利用者アカウント（利用者識別番号とパスワード）が必要です。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="543"/>
        <source>The agency&apos;s answer failed its signature check (%1).</source>
        <translation>申請先からの応答の署名を確認できませんでした（%1）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="546"/>
        <source>The package is kept in the outbox.</source>
        <translation>申請データは送信待ちとして保存されています。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="320"/>
        <location filename="../messages.py" line="325"/>
        <location filename="../messages.py" line="331"/>
        <location filename="../messages.py" line="564"/>
        <location filename="../messages.py" line="571"/>
        <source>Signing</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <location filename="../messages.py" line="321"/>
        <source>This card has no signing certificate.</source>
        <translation>このカードには署名用電子証明書がありません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="322"/>
        <source>Ask your municipal office about issuing one.</source>
        <translation>発行について市区町村の窓口にご相談ください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="326"/>
        <source>The card&apos;s signature does not match its certificate. Nothing was saved.</source>
        <translation>カードの署名が証明書と一致しません。何も保存していません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="552"/>
        <source>Timestamp</source>
        <translation>タイムスタンプ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="553"/>
        <source>The time-stamping service %1 gave no usable timestamp. Nothing was signed or saved.</source>
        <translation>タイムスタンプ局 %1 から使えるタイムスタンプを得られませんでした。署名も保存もしていません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="557"/>
        <source>Check its address in Settings and the network (proxy), or sign without a timestamp.</source>
        <translation>設定のアドレスとネットワーク（プロキシ）を確認するか、タイムスタンプなしで署名してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="332"/>
        <source>An attached file changed while it was being packaged. Nothing was saved.</source>
        <translation>添付ファイルが処理中に変更されました。何も保存していません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="335"/>
        <source>Close the program that is writing it and sign again.</source>
        <translation>そのファイルを書き換えているプログラムを閉じて、もう一度署名してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="565"/>
        <source>The agency&apos;s encryption certificate cannot be used (%1).</source>
        <translation>申請先の暗号化用証明書が使えません（%1）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="572"/>
        <source>The application could not be packaged (%1).</source>
        <translation>申請データを作成できませんでした（%1）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="338"/>
        <source>Form</source>
        <translation>申請書</translation>
    </message>
    <message>
        <location filename="../messages.py" line="339"/>
        <source>The form has errors. Go back to the form and correct them.</source>
        <translation>申請書に誤りがあります。申請書の入力に戻って修正してください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="578"/>
        <source>Agency</source>
        <translation>申請先</translation>
    </message>
    <message>
        <location filename="../messages.py" line="579"/>
        <source>The agency&apos;s certificate (%1) could not be read.</source>
        <translation>申請先の証明書（%1）を読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="343"/>
        <source>This version cannot send to this agency.</source>
        <translation>このバージョンではこの申請先に送信できません。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="344"/>
        <source>Save the signed package instead and submit it another way.</source>
        <translation>署名済みの申請データを保存し、別の方法で提出してください。</translation>
    </message>
</context>
<context>
    <name>MyCardPage</name>
    <message>
        <location filename="../pages/my_card.py" line="116"/>
        <source>My card</source>
        <translation>マイカード</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="167"/>
        <location filename="../pages/my_card.py" line="169"/>
        <source>Not issued for this card.</source>
        <translation>このカードには発行されていません。</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="174"/>
        <source>Issued. Its dates are shown after the signing password (Certificates page).</source>
        <translation>発行済み。有効期限は署名用パスワードの入力後に表示されます（電子証明書のページ）。</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="178"/>
        <source>Read only with the user authentication PIN, when you ask (Certificates page).</source>
        <translation>ご希望のときに利用者証明用暗証番号を入力して読み取ります（電子証明書のページ）。</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="180"/>
        <source>Could not be read.</source>
        <translation>読み取れませんでした。</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="184"/>
        <source>Expired on %1.</source>
        <translation>%1 に期限切れ。</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/my_card.py" line="185"/>
        <source>Valid until %1 (%n days left).</source>
        <translation>
            <numerusform>有効期限 %1（あと %n 日）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="187"/>
        <source>Renewal is open.</source>
        <translation>更新手続きができます。</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="44"/>
        <source>Card and reader</source>
        <translation>カードとリーダー</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="62"/>
        <source>Reader:</source>
        <translation>リーダー:</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="65"/>
        <source>Card:</source>
        <translation>カード:</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="68"/>
        <source>Read at:</source>
        <translation>読み取り日時:</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="84"/>
        <source>Password tries left (checked without using a try)</source>
        <translation>パスワードの残り回数（回数を使わずに確認）</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="95"/>
        <source>Electronic certificates</source>
        <translation>電子証明書</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="106"/>
        <source>Change pass&amp;word…</source>
        <translation>パスワードの変更(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../pages/my_card.py" line="108"/>
        <source>&amp;Read the card again</source>
        <translation>カードを読み直す(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PasswordStep</name>
    <message>
        <location filename="../flow/step_password.py" line="44"/>
        <source>Card and password</source>
        <translation>カードとパスワード</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="47"/>
        <source>&amp;Sign</source>
        <translation>署名する(&amp;S)</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="87"/>
        <source>Procedure: %1
Sent to: %2</source>
        <translation>手続き：%1
申請先：%2</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="22"/>
        <source>Keep the card in the reader and enter your signing password (6 to 16 letters and digits).</source>
        <translation>カードを差し込んだまま、署名用パスワード（英数字6〜16文字）を入力してください。</translation>
    </message>
    <message>
        <location filename="../flow/step_password.py" line="31"/>
        <source>Your signing certificate goes with the application. It records your name, address, date of birth and sex; the package is encrypted so that only the agency can read it.</source>
        <translation>申請には署名用電子証明書が添付されます。氏名・住所・生年月日・性別が記録されているため、申請データは申請先だけが読めるように暗号化されます。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="103"/>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message>
        <location filename="../dialogs/pin_dialog.py" line="104"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>ProcedureStep</name>
    <message>
        <location filename="../flow/step_procedure.py" line="40"/>
        <source>The procedure catalogue could not be loaded: %1</source>
        <translation>手続きの一覧を読み込めませんでした：%1</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="49"/>
        <source>Procedure</source>
        <translation>手続きの選択</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="82"/>
        <source>Sent to: %1</source>
        <translation>申請先：%1</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="15"/>
        <source>Choose the application or notification you want to send.</source>
        <translation>行いたい申請・届出を選んでください。</translation>
    </message>
    <message>
        <location filename="../flow/step_procedure.py" line="20"/>
        <source>Procedures</source>
        <translation>手続き</translation>
    </message>
</context>
<context>
    <name>ReceiptStep</name>
    <message>
        <location filename="../flow/step_receipt.py" line="29"/>
        <source>Receipt</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="40"/>
        <source>No receipt yet.</source>
        <translation>まだ受付されていません。</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="42"/>
        <source>Accepted.
Receipt number: %1
Received: %2
Submission ID: %3
Agency: %4</source>
        <translation>受付されました。
受付番号：%1
受付日時：%2
申請ID：%3
申請先：%4</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="50"/>
        <source>Kept with the package in %1.</source>
        <translation>申請データとともに %1 に保存しました。</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="17"/>
        <source>The agency checked the certificate, matched it with the application and accepted it.</source>
        <translation>申請先が電子証明書を確認し、申請内容と照合して受け付けました。</translation>
    </message>
    <message>
        <location filename="../flow/step_receipt.py" line="25"/>
        <source>Start a &amp;new application</source>
        <translation>新しい申請を始める(&amp;N)</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <location filename="../pages/saving.py" line="27"/>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
</context>
<context>
    <name>SendStep</name>
    <message>
        <location filename="../flow/step_send.py" line="92"/>
        <source>Encrypt and send</source>
        <translation>暗号化して送信</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="95"/>
        <source>&amp;Send</source>
        <translation>送信する(&amp;S)</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="173"/>
        <source>Save the signed package</source>
        <translation>署名済み申請データの保存</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="196"/>
        <source>Nothing has been signed yet.</source>
        <translation>まだ署名していません。</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="200"/>
        <source>Encrypted for: %1
Submission ID: %2
Size: %3 bytes
Encryption: AES-256-GCM, key wrapped with the agency&apos;s RSA key (RSA-OAEP)</source>
        <translation>暗号化の宛先：%1
申請ID：%2
サイズ：%3 バイト
暗号方式：AES-256-GCM（鍵は申請先の RSA 鍵で保護、RSA-OAEP）</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="218"/>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="222"/>
        <source>Saved to %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="40"/>
        <source>The application, the signature and your certificate are encrypted so that only the agency can open them. Send the package now, or save it to a file.</source>
        <translation>申請書・電子署名・電子証明書は、申請先だけが開けるように暗号化されています。今すぐ送信するか、ファイルに保存してください。</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="49"/>
        <source>Sa&amp;ve to a file instead…</source>
        <translation>送信せずにファイルに保存(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="55"/>
        <source>The agency&apos;s service account</source>
        <translation>申請先の利用者アカウント</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="69"/>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="66"/>
        <source>Service account password</source>
        <translation>利用者アカウントのパスワード</translation>
    </message>
    <message>
        <location filename="../flow/step_send.py" line="78"/>
        <source>&amp;Remember this account in the system keyring</source>
        <translation>このアカウントをシステムのキーリングに保存する(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="97"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="131"/>
        <source>Not saved: enter an address that starts with https:// or http://.</source>
        <translation>保存していません。https:// または http:// で始まるアドレスを入力してください。</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="142"/>
        <location filename="../pages/settings.py" line="159"/>
        <source>Automatic: the first reader holding a card</source>
        <translation>自動：カードが差し込まれている最初のリーダー</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="44"/>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="46"/>
        <source>La&amp;nguage:</source>
        <translation>言語(&amp;N):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="50"/>
        <source>Card &amp;reader:</source>
        <translation>カードリーダー(&amp;R):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="56"/>
        <source>Validity check and network</source>
        <translation>有効性確認とネットワーク</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="163"/>
        <source>Re&amp;vocation check:</source>
        <translation>失効確認(&amp;V):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="165"/>
        <source>Online: OCSP responder, then CRL</source>
        <translation>オンライン：OCSP、だめなら失効リスト</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="166"/>
        <source>Online: download the CRL</source>
        <translation>オンライン：失効リストをダウンロード</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="167"/>
        <source>Offline: cached CRL only</source>
        <translation>オフライン：保存済みの失効リストのみ</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="171"/>
        <source>&amp;OCSP responder:</source>
        <translation>OCSP レスポンダ(&amp;O):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="172"/>
        <source>CRL a&amp;ddress:</source>
        <translation>失効リストのアドレス(&amp;D):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="173"/>
        <source>Ti&amp;me-stamping service (RFC 3161):</source>
        <translation>タイムスタンプ局（RFC 3161）(&amp;M):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="174"/>
        <source>Agency endpoin&amp;t:</source>
        <translation>申請先の送信先(&amp;T):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="175"/>
        <source>Pro&amp;xy address:</source>
        <translation>プロキシのアドレス(&amp;X):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="178"/>
        <location filename="../pages/settings.py" line="179"/>
        <source>As stated in the certificate</source>
        <translation>証明書に記載のもの</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="180"/>
        <source>None: signatures carry no trusted time</source>
        <translation>なし：署名に信頼できる時刻を付けません</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="181"/>
        <source>As stated by the procedure</source>
        <translation>手続きに記載のもの</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="190"/>
        <source>&amp;Proxy:</source>
        <translation>プロキシ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="192"/>
        <source>Use the system settings</source>
        <translation>システムの設定を使う</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="193"/>
        <source>No proxy</source>
        <translation>プロキシを使わない</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="194"/>
        <source>Manual</source>
        <translation>手動で設定</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="198"/>
        <source>Passwords and PINs are never stored. Settings file: %1</source>
        <translation>パスワードや暗証番号は保存しません。設定ファイル：%1</translation>
    </message>
</context>
<context>
    <name>SignPdfPage</name>
    <message>
        <location filename="../pages/sign_pdf.py" line="153"/>
        <location filename="../pages/sign_pdf.py" line="255"/>
        <location filename="../pages/sign_pdf.py" line="275"/>
        <source>Sign PDF</source>
        <translation>PDF に署名</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="158"/>
        <source>Open a PDF</source>
        <translation>PDF を開く</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="162"/>
        <source>Checking the PDF…</source>
        <translation>PDF を確認しています…</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="211"/>
        <source>Save the signed PDF</source>
        <translation>署名した PDF の保存</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="234"/>
        <source>Signing… do not remove the card.</source>
        <translation>署名しています… カードを抜かないでください。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="251"/>
        <location filename="../pages/sign_pdf.py" line="256"/>
        <source>Signed and saved: %1</source>
        <translation>署名して保存しました: %1</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="270"/>
        <source>The signing certificate is placed inside the PDF. It records your name, address, date of birth and sex, and anyone who receives this PDF can read them.</source>
        <translation>署名用電子証明書が PDF の中に入ります。証明書にはあなたの氏名・住所・生年月日・性別が記録されており、この PDF を受け取った人は誰でもそれを読むことができます。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="278"/>
        <source>This file is not a PDF.</source>
        <translation>このファイルは PDF ではありません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="279"/>
        <source>This PDF is damaged and cannot be signed.</source>
        <translation>この PDF は壊れているため署名できません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="280"/>
        <source>This PDF is password-protected or encrypted.</source>
        <translation>この PDF はパスワードで保護されているか暗号化されています。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="282"/>
        <source>This PDF is certified with “no changes allowed”: a signature would break it.</source>
        <translation>この PDF は「変更不可」として認証されています。署名を加えると認証が壊れます。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="284"/>
        <source>The PDF has no such page.</source>
        <translation>PDF にそのページはありません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="285"/>
        <source>The stamp does not fit on the page.</source>
        <translation>署名欄がページに収まりません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="286"/>
        <source>This PDF cannot be signed.</source>
        <translation>この PDF には署名できません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="288"/>
        <source>Save it again from the program that made it.</source>
        <translation>作成したソフトで保存し直してください。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="289"/>
        <source>Save a copy without protection, then sign the copy.</source>
        <translation>保護を外したコピーを保存し、そのコピーに署名してください。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="291"/>
        <source>The card was not used.</source>
        <translation>カードは使用していません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="295"/>
        <source>The time-stamping service gave no usable timestamp. Nothing was saved.</source>
        <translation>タイムスタンプサービスから使えるタイムスタンプが得られませんでした。何も保存していません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="296"/>
        <source>Check its address and the network, or sign without a timestamp.</source>
        <translation>アドレスとネットワークを確認するか、タイムスタンプなしで署名してください。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="301"/>
        <source>A timestamp needs the address of a time-stamping service.</source>
        <translation>タイムスタンプを付けるにはタイムスタンプサービスのアドレスが必要です。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="303"/>
        <source>Save the signed PDF under a new name.</source>
        <translation>署名した PDF は別の名前で保存してください。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="304"/>
        <source>These settings cannot be used.</source>
        <translation>この設定は使用できません。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="314"/>
        <source>File: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="316"/>
        <source>Pages: %1</source>
        <translation>ページ数: %1</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="320"/>
        <source>This PDF is already signed (%1). Your signature is added after the existing ones, which stay valid.</source>
        <translation>この PDF にはすでに署名があります (%1 件)。あなたの署名はその後に追加され、既存の署名は有効なままです。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="66"/>
        <source>Drop a PDF here, or open one.</source>
        <translation>ここに PDF をドロップするか、開いてください。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="67"/>
        <source>&amp;Open a PDF…</source>
        <translation>PDF を開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="74"/>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="77"/>
        <source>&amp;Invisible signature</source>
        <translation>見えない署名(&amp;I)</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="80"/>
        <source>&amp;Visible stamp on a page</source>
        <translation>ページに署名欄を表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="86"/>
        <source>&amp;Page:</source>
        <translation>ページ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="89"/>
        <source>Positio&amp;n:</source>
        <translation>位置(&amp;N):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="91"/>
        <source>Bottom right</source>
        <translation>右下</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="92"/>
        <source>Bottom left</source>
        <translation>左下</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="93"/>
        <source>Top right</source>
        <translation>右上</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="94"/>
        <source>Top left</source>
        <translation>左上</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="100"/>
        <source>&amp;Reason (optional):</source>
        <translation>署名の理由 (任意)(&amp;R):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="102"/>
        <source>Loc&amp;ation (optional):</source>
        <translation>署名の場所 (任意)(&amp;A):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="104"/>
        <source>For&amp;mat:</source>
        <translation>形式(&amp;M):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="108"/>
        <source>For the Ministry of Justice online registration (standard)</source>
        <translation>登記・供託オンライン申請用 (標準)</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="111"/>
        <source>PAdES with a timestamp</source>
        <translation>タイムスタンプ付き PAdES</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="116"/>
        <source>&amp;Time-stamping service:</source>
        <translation>タイムスタンプサービス(&amp;T):</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="134"/>
        <source>Send it only to where it must go.</source>
        <translation>必要な提出先にだけ送ってください。</translation>
    </message>
    <message>
        <location filename="../pages/sign_pdf.py" line="138"/>
        <source>&amp;Sign and save…</source>
        <translation>署名して保存(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SignStep</name>
    <message>
        <location filename="../flow/step_sign.py" line="41"/>
        <source>Sign</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="94"/>
        <source>The card is signing. Do not remove it…</source>
        <translation>カードで署名しています。カードを抜かないでください…</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="97"/>
        <source>Signed by %1.
Submission ID: %2
Created: %3</source>
        <translation>署名者：%1
申請ID：%2
作成日時：%3</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="106"/>
        <source>Go back to enter the password.</source>
        <translation>戻ってパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="28"/>
        <source>The card and the computer exchange data and the card signs the application.</source>
        <translation>カードとパソコンがデータをやり取りし、カードが申請書に電子署名します。</translation>
    </message>
    <message>
        <location filename="../flow/step_sign.py" line="36"/>
        <source>Signing progress</source>
        <translation>署名の進み具合</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app.py" line="230"/>
        <source>jpki-desktop could not start</source>
        <translation>jpki-desktop を起動できませんでした</translation>
    </message>
    <message>
        <location filename="../app.py" line="232"/>
        <source>Part of the application could not be loaded (%1). Reinstall jpki-desktop.</source>
        <translation>アプリケーションの一部を読み込めませんでした（%1）。jpki-desktop を再インストールしてください。</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../widgets/step_indicator.py" line="56"/>
        <source>Step %1 of %2: %3</source>
        <translation>手順 %1 / %2：%3</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <location filename="../verify_texts.py" line="13"/>
        <source>Detached signature (.p7s)</source>
        <translation>分離署名（.p7s）</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="14"/>
        <source>Signed XML</source>
        <translation>署名付き XML</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="15"/>
        <source>Encrypted submission package (.p7m)</source>
        <translation>暗号化された申請データ（.p7m）</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="16"/>
        <source>Signed container (.asice)</source>
        <translation>署名付きコンテナ（.asice）</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="17"/>
        <source>Signed PDF</source>
        <translation>署名付き PDF</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="18"/>
        <source>Unknown format</source>
        <translation>不明な形式</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="26"/>
        <source>The file is damaged or not in a format this program reads.</source>
        <translation>ファイルが壊れているか、読み取れない形式です。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="29"/>
        <source>This signature is stored apart from the signed file: choose the signed file too.</source>
        <translation>この署名は署名対象のファイルと別になっています。署名対象のファイルも選んでください。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="33"/>
        <source>The package is encrypted for the agency: only the agency can open and check it.</source>
        <translation>申請データは申請先あてに暗号化されているため、申請先だけが開いて確認できます。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="37"/>
        <source>The package is encrypted for someone else.</source>
        <translation>申請データは別の宛先あてに暗号化されています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="40"/>
        <source>The package could not be decrypted (wrong key, or it was altered).</source>
        <translation>申請データを復号できませんでした（鍵が違うか、改ざんされています）。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="43"/>
        <source>The container&apos;s type marker is missing or wrong.</source>
        <translation>コンテナの種別情報がないか、正しくありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="46"/>
        <source>The container holds a file with an unsafe name.</source>
        <translation>コンテナに危険な名前のファイルが含まれています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="49"/>
        <source>The container is too large or too compressed (possible zip bomb).</source>
        <translation>コンテナが大きすぎるか圧縮率が異常です（ZIP 爆弾の可能性）。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="52"/>
        <source>The list of signed files is damaged.</source>
        <translation>署名対象ファイルの一覧が壊れています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="55"/>
        <source>The submission details are damaged.</source>
        <translation>申請情報が壊れています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="58"/>
        <source>It was signed for another agency.</source>
        <translation>別の申請先あてに署名されたものです。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="59"/>
        <source>A signed file is missing.</source>
        <translation>署名対象のファイルが欠けています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="60"/>
        <source>It contains a file that the signature does not cover.</source>
        <translation>署名の対象外のファイルが含まれています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="63"/>
        <source>A file was changed after signing.</source>
        <translation>署名後にファイルが変更されています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="64"/>
        <source>The signed content was changed after signing.</source>
        <translation>署名後に内容が変更されています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="67"/>
        <source>The signature value is not correct.</source>
        <translation>署名値が正しくありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="70"/>
        <source>The signature&apos;s attributes are missing or inconsistent.</source>
        <translation>署名の属性が欠けているか、矛盾しています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="73"/>
        <source>The signer&apos;s certificate is missing.</source>
        <translation>署名者の証明書がありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="76"/>
        <source>A weak algorithm was used (for example SHA-1).</source>
        <translation>安全性の低いアルゴリズム（SHA-1 など）が使われています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="79"/>
        <source>No trusted JPKI certificate authority is available.</source>
        <translation>信頼できる公的個人認証の認証局がありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="82"/>
        <source>The signer&apos;s certificate was not issued by the JPKI signing CA.</source>
        <translation>署名者の証明書は公的個人認証の署名用認証局が発行したものではありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="85"/>
        <source>The signer&apos;s certificate is not meant for signing.</source>
        <translation>署名者の証明書は署名用ではありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="88"/>
        <source>The signer&apos;s certificate has expired.</source>
        <translation>署名者の証明書の有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="89"/>
        <source>The signer&apos;s certificate is not valid yet.</source>
        <translation>署名者の証明書はまだ有効期間前です。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="92"/>
        <source>The certificate was not valid at the time of signing.</source>
        <translation>署名した時点で証明書が有効ではありませんでした。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="95"/>
        <source>The signer&apos;s certificate has been revoked.</source>
        <translation>署名者の証明書は失効しています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="96"/>
        <source>Whether the certificate was revoked could not be checked.</source>
        <translation>証明書が失効しているかどうかを確認できませんでした。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="99"/>
        <source>This PDF holds no signature.</source>
        <translation>この PDF には署名がありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="100"/>
        <source>The signature does not cover the whole file except itself.</source>
        <translation>署名が、署名自身を除くファイル全体を対象にしていません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="103"/>
        <source>The signature data in the PDF was altered.</source>
        <translation>PDF 内の署名データが改変されています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="106"/>
        <source>The PDF was changed after signing (pages or content).</source>
        <translation>署名の後に PDF が変更されています (ページまたは内容)。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="109"/>
        <source>Unsigned data was added to the end of the PDF.</source>
        <translation>署名されていないデータが PDF の末尾に追加されています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="112"/>
        <source>The PDF was changed beyond what its certification allows.</source>
        <translation>認証署名が許す範囲を超えて PDF が変更されています。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="115"/>
        <source>The timestamp is damaged or does not belong to this signature.</source>
        <translation>タイムスタンプが壊れているか、この署名のものではありません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="118"/>
        <source>The timestamp was not issued by a trusted time-stamping service.</source>
        <translation>タイムスタンプが信頼できるタイムスタンプ局から発行されていません。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="136"/>
        <source>Valid signature (revocation checked).</source>
        <translation>有効な署名です（失効も確認済み）。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="137"/>
        <source>Valid signature, but revocation was not checked: the certificate may have been revoked (for example after a move).</source>
        <translation>署名は有効ですが、失効は確認していません。証明書が失効している可能性があります（引っ越し後など）。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="142"/>
        <source>Could not be fully checked.</source>
        <translation>確認しきれませんでした（結果は不明です）。</translation>
    </message>
    <message>
        <location filename="../verify_texts.py" line="143"/>
        <source>Not valid.</source>
        <translation>有効ではありません。</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../pages/verify.py" line="78"/>
        <source>Verify</source>
        <translation>署名の検証</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="84"/>
        <source>Open a signed file</source>
        <translation>署名付きファイルを開く</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="90"/>
        <source>Choose the signed file</source>
        <translation>署名対象のファイルを選ぶ</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="140"/>
        <source>File: %1</source>
        <translation>ファイル：%1</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="145"/>
        <source>Signed file: %1</source>
        <translation>署名対象のファイル：%1</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="150"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="223"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="198"/>
        <location filename="../pages/verify.py" line="225"/>
        <source>Signer</source>
        <translation>署名者</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="178"/>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="178"/>
        <source>not valid</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="179"/>
        <source>Signature %1 of %2: %3</source>
        <translation>署名 %1/%2: %3</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="182"/>
        <source>The whole document</source>
        <translation>文書全体</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="185"/>
        <source>Revision %1; %2 later revision(s) followed it</source>
        <translation>版 %1 (その後に %2 件の版が追加されています)</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="190"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="195"/>
        <source>(valid)</source>
        <translation>(有効)</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="195"/>
        <source>(not valid)</source>
        <translation>(無効)</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="199"/>
        <location filename="../pages/verify.py" line="227"/>
        <source>Signed at</source>
        <translation>署名日時</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="200"/>
        <source>Covers</source>
        <translation>署名の範囲</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="201"/>
        <source>Timestamp</source>
        <translation>タイムスタンプ</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="202"/>
        <source>Trust path</source>
        <translation>証明書の経路</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="229"/>
        <source>Procedure</source>
        <translation>手続き</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="230"/>
        <source>Submission ID</source>
        <translation>申請ID</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="232"/>
        <source>Signed files</source>
        <translation>署名対象のファイル</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="235"/>
        <source>Revocation</source>
        <translation>失効確認</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="236"/>
        <source>checked</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="236"/>
        <source>not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="251"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="49"/>
        <source>Drop a signature (.p7s), a signed XML file, a signed PDF or a package (.p7m) here.</source>
        <translation>署名 (.p7s)、署名付き XML、署名付き PDF、申請パッケージ (.p7m) をここにドロップしてください。</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="52"/>
        <source>&amp;Open a file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="61"/>
        <source>Choose the &amp;signed file…</source>
        <translation>署名対象のファイルを選ぶ(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../pages/verify.py" line="69"/>
        <source>For checking your own files. Verifying signatures as a business needs approval under the JPKI Act (Article 17).</source>
        <translation>ご自身のファイルの確認用です。業として署名を検証するには公的個人認証法（第17条）に基づく認定が必要です。</translation>
    </message>
</context>
</TS>

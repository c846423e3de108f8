<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>ukey</name>
    <message>
        <source>1）请先拔下 Ukey，再重新插入（指南 2.3 ①），然后点下面的按钮重新读取证书。</source>
        <translation>1) Unplug the Ukey and insert it again (guide 2.3 ①), then click the button below to read the certificate again.</translation>
    </message>
    <message>
        <source>2.1 · 第 1 步</source>
        <translation>2.1 · step 1</translation>
    </message>
    <message>
        <source>2.1 · 第 2 步</source>
        <translation>2.1 · step 2</translation>
    </message>
    <message>
        <source>2.2 · 第 1–9 步</source>
        <translation>2.2 · steps 1–9</translation>
    </message>
    <message>
        <source>2.2 · 第 3–4 步</source>
        <translation>2.2 · steps 3–4</translation>
    </message>
    <message>
        <source>2.2 · 第 3–5 步</source>
        <translation>2.2 · steps 3–5</translation>
    </message>
    <message>
        <source>2.2 · 第 5–9 步</source>
        <translation>2.2 · steps 5–9</translation>
    </message>
    <message>
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ukey 上已是新证书。&lt;/b&gt;正在转到验证（指南 2.3）……</source>
        <translation>&lt;b&gt;The Ukey now holds the new certificate.&lt;/b&gt; Going on to verification (guide 2.3)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ukey 密码已修改。&lt;/b&gt;请牢记新密码，以后登录和延期都要用它（指南 3.9 情况 3b）。</source>
        <translation>&lt;b&gt;The Ukey password was changed.&lt;/b&gt; Remember the new one: you need it to log in and to renew (guide 3.9 case 3b).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ukey 密码已锁定&lt;/b&gt;，不能再尝试。请先申请解锁（指南 3.6），解锁后用新密码继续延期。</source>
        <translation>&lt;b&gt;The Ukey password is locked&lt;/b&gt;: no more tries. Apply for unlocking first (guide 3.6), then go on with the renewal using the new password.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ukey 密码已锁定。&lt;/b&gt;请点“下一步”申请解锁（指南 3.6），解锁后再继续延期。</source>
        <translation>&lt;b&gt;The Ukey password is locked.&lt;/b&gt; Click "Next" to request an unlock (guide 3.6); renew once it is unlocked.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{status}&lt;/b&gt;：{detail}</source>
        <translation>&lt;b&gt;{status}&lt;/b&gt;: {detail}</translation>
    </message>
    <message>
        <source>&lt;b&gt;寄送（指南 3.7）：&lt;/b&gt;申请函和这把 Ukey 以机要通道或快递寄到最高检。&lt;br&gt;收件人：{name}，电话 {phone}&lt;br&gt;地址：{address}&lt;br&gt;申请函须写清：检察院名称、组织机构代码、Ukey 类型、申请内容及情况说明、接收新 Ukey 的联系人姓名、电话和收件地址，并加盖公章。</source>
        <translation>&lt;b&gt;Sending (guide 3.7):&lt;/b&gt; send the letter and this Ukey to the Supreme People's Procuratorate by confidential channel or courier.&lt;br&gt;Recipient: {name}, phone {phone}&lt;br&gt;Address: {address}&lt;br&gt;The letter must state: the procuratorate's name, organization code, Ukey type, what is asked and why, the name, phone and address of whoever receives the new Ukey, and carry the official seal.</translation>
    </message>
    <message>
        <source>&lt;b&gt;已解锁。&lt;/b&gt;请点“下一步”继续延期。</source>
        <translation>&lt;b&gt;Unlocked.&lt;/b&gt; Click "Next" to go on with the renewal.</translation>
    </message>
    <message>
        <source>&lt;b&gt;延期成功&lt;/b&gt;，订单号 {order}。下一步请验证（指南 2.3）。</source>
        <translation>&lt;b&gt;Renewed&lt;/b&gt;, order {order}. Next, verify (guide 2.3).</translation>
    </message>
    <message>
        <source>&lt;b&gt;有 Ukey 证书需要处理&lt;/b&gt;</source>
        <translation>&lt;b&gt;A Ukey certificate needs your attention&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;有效期已延长。&lt;/b&gt;等新证书生效后，请先关闭浏览器再打开，登录平台验证（指南 2.3 ③）。</source>
        <translation>&lt;b&gt;Validity extended.&lt;/b&gt; Once the new certificate is active, close and reopen the browser and log in to the platform to check (guide 2.3 ③).</translation>
    </message>
    <message>
        <source>&lt;b&gt;未检测到 Ukey。&lt;/b&gt;{found}&lt;br&gt;请按指南 3.3 逐步排查：把 Ukey 插到另一个 USB 接口；仍不行请重启电脑；再不行请重新安装 BJCA 证书助手（指南 3.2）。插好后本页会自动检测。&lt;br&gt;没有 Ukey 时，可以先点下面的“用练习 Ukey 练一遍”：不动真实 Ukey，也不连正式网站。</source>
        <translation>&lt;b&gt;No Ukey found.&lt;/b&gt;{found}&lt;br&gt;Go through guide 3.3 step by step: plug the Ukey into another USB port; if that does not help, restart the computer; then reinstall the BJCA certificate assistant (guide 3.2). This page checks again by itself once the key is plugged in.&lt;br&gt;Without a Ukey you can click "Try the practice Ukey" below and practise the renewal: it touches no real Ukey and no real site.</translation>
    </message>
    <message>
        <source>&lt;b&gt;正在写入 Ukey：切勿拔出 Ukey，不要断电断网&lt;/b&gt;（指南 2.2 ⑧）。</source>
        <translation>&lt;b&gt;Writing to the Ukey: do not unplug it, keep power and network on&lt;/b&gt; (guide 2.2 ⑧).</translation>
    </message>
    <message>
        <source>&lt;b&gt;注意：只剩 {left} 次机会！&lt;/b&gt;输错将锁定 Ukey。忘记密码请不要尝试，按指南 3.6 申请解锁。</source>
        <translation>&lt;b&gt;Careful: only {left} tries left!&lt;/b&gt; A wrong password locks the Ukey. If you forgot it, do not guess: request an unlock (guide 3.6).</translation>
    </message>
    <message>
        <source>&lt;b&gt;登录成功&lt;/b&gt;：{unit}。本次延期成功（指南 2.3 ③）。</source>
        <translation>&lt;b&gt;Logged in&lt;/b&gt;: {unit}. The renewal succeeded (guide 2.3 ③).</translation>
    </message>
    <message>
        <source>&lt;b&gt;解锁成功。&lt;/b&gt;请牢记新密码（指南 3.6 ⑦）。</source>
        <translation>&lt;b&gt;Unlocked.&lt;/b&gt; Remember the new password (guide 3.6 ⑦).</translation>
    </message>
    <message>
        <source>&lt;b&gt;解锁申请已提交&lt;/b&gt;（指南 3.6 ④）。请联系 Ukey 运维人员审批并获取解锁授权码（指南 3.6 ⑤），告诉对方：&lt;br&gt;申请编号：&lt;b&gt;{request}&lt;/b&gt;&lt;br&gt;单位：{unit}&lt;br&gt;组织机构代码：{code}&lt;br&gt;可以先关闭本窗口，拿到授权码后再回来，申请不会丢失。</source>
        <translation>&lt;b&gt;Unlock request submitted&lt;/b&gt; (guide 3.6 ④). Ask the Ukey support staff to approve it and give you the authorization code (guide 3.6 ⑤). Tell them:&lt;br&gt;Request number: &lt;b&gt;{request}&lt;/b&gt;&lt;br&gt;Unit: {unit}&lt;br&gt;Organization code: {code}&lt;br&gt;You may close this window and come back with the code; the request is kept.</translation>
    </message>
    <message>
        <source>&lt;b&gt;请填写当前持有 Ukey 人员的姓名和手机号，并记录下来&lt;/b&gt;：以后忘记密码申请解锁时要填写同样的信息（指南 2.2 ④）。</source>
        <translation>&lt;b&gt;Enter the name and mobile of the person who holds the Ukey now, and note them&lt;/b&gt;: an unlock request after a forgotten password needs exactly these (guide 2.2 ④).</translation>
    </message>
    <message>
        <source>&lt;b&gt;运维人员已审批。&lt;/b&gt;请输入运维人员给您的解锁授权码，再设置新的 Ukey 密码（指南 3.6 ⑥）。解锁后请用新密码登录。</source>
        <translation>&lt;b&gt;The support staff approved.&lt;/b&gt; Enter the authorization code they gave you, then set a new Ukey password (guide 3.6 ⑥). Log in with the new password afterwards.</translation>
    </message>
    <message>
        <source>&lt;b&gt;这把 Ukey 今天已经延期成功&lt;/b&gt;（订单号 {order}），无需再次延期。请点“下一步”验证（指南 2.3）：延期前后的有效期、生效倒计时、登录验证和延期回执。</source>
        <translation>&lt;b&gt;This Ukey was renewed today&lt;/b&gt; (order {order}); no need to renew again. Click "Next" to verify it (guide 2.3): validity before and after, the activation countdown, the login test and the renewal receipt.</translation>
    </message>
    <message>
        <source>&lt;br&gt;练习模式：练习 Ukey 是软件，直接点按钮即可。</source>
        <translation>&lt;br&gt;Practice mode: the practice Ukey is software; just click the button.</translation>
    </message>
    <message>
        <source>BJCA 证书助手</source>
        <translation>BJCA certificate assistant</translation>
    </message>
    <message>
        <source>BJCA 证书助手只在 Windows 上安装，这台电脑不检查。</source>
        <translation>The BJCA certificate assistant is installed on Windows only: not checked on this computer.</translation>
    </message>
    <message>
        <source>BJCA 证书应用环境在运行，但没有读到证书。</source>
        <translation>BJCA's certificate environment is running, but no certificate was read.</translation>
    </message>
    <message>
        <source>BJCA 证书应用环境在运行，证书：{names}</source>
        <translation>BJCA's certificate environment is running, certificates: {names}</translation>
    </message>
    <message>
        <source>BJCA 证书应用环境在运行，证书：{names}（另有 {skipped} 项无法读取，已跳过）</source>
        <translation>BJCA's certificate environment is running, certificates: {names} ({skipped} more could not be read and were skipped)</translation>
    </message>
    <message>
        <source>BJCA 证书应用环境返回了无法识别的结果。</source>
        <translation>The BJCA certificate environment returned a result that could not be understood.</translation>
    </message>
    <message>
        <source>BJCA 证书应用环境长时间没有回应。</source>
        <translation>The BJCA certificate environment has not answered for a long time.</translation>
    </message>
    <message>
        <source>BJCA 证书应用环境（XTXApp 本地服务）没有运行。</source>
        <translation>The BJCA certificate environment (the XTXApp local service) is not running.</translation>
    </message>
    <message>
        <source>PC/SC 支持未安装，读卡器无法检查。</source>
        <translation>PC/SC support is not installed, so card readers cannot be checked.</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf);;图片 (*.png)</source>
        <translation>PDF file (*.pdf);;Picture (*.png)</translation>
    </message>
    <message>
        <source>SHA-256 指纹</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <source>USB 上有 Ukey：{keys}</source>
        <translation>A Ukey is on the USB bus: {keys}</translation>
    </message>
    <message>
        <source>USB 上的 Ukey</source>
        <translation>Ukey on USB</translation>
    </message>
    <message>
        <source>USB 接口是好的：请重新下载并安装 BJCA 证书助手（指南 3.2、3.3 ④），装好后拔下 Ukey 再插上；仍不行请重启电脑（指南 3.3 ③）。</source>
        <translation>The USB port works: download and install the BJCA certificate assistant again (guide 3.2, 3.3 ④), then unplug the Ukey and plug it back in. If that does not help, restart the computer (guide 3.3 ③).</translation>
    </message>
    <message>
        <source>Ukey 上还是原来的证书：请确认网站已提示下载成功，再拔插一次 Ukey。</source>
        <translation>The Ukey still holds the old certificate: make sure the site said the download succeeded, then unplug and replug the Ukey once more.</translation>
    </message>
    <message>
        <source>Ukey 中找不到指定的证书容器。</source>
        <translation>The certificate container asked for is not on the Ukey.</translation>
    </message>
    <message>
        <source>Ukey 出了什么情况？请在上面选一项。</source>
        <translation>What happened to the Ukey? Please choose one above.</translation>
    </message>
    <message>
        <source>Ukey 在操作过程中被拔出或断开。</source>
        <translation>The Ukey was unplugged or disconnected during the operation.</translation>
    </message>
    <message>
        <source>Ukey 密码</source>
        <translation>Ukey password</translation>
    </message>
    <message>
        <source>Ukey 密码(&amp;P)：</source>
        <translation>Ukey &amp;password:</translation>
    </message>
    <message>
        <source>Ukey 密码仍处于锁定状态。</source>
        <translation>The Ukey password is still locked.</translation>
    </message>
    <message>
        <source>Ukey 密码已锁定。</source>
        <translation>The Ukey password is locked.</translation>
    </message>
    <message>
        <source>Ukey 密码已锁定，延期前需要先解锁（指南 3.6）：提交申请，等工作人员审核后收到授权码，再设置新密码。申请会保存，关闭程序后也可以接着办。</source>
        <translation>The Ukey password is locked and must be unlocked before renewing (guide 3.6): submit a request, wait for the staff to approve it and send an authorization code, then set a new password. The request is saved: you can close the program and go on later.</translation>
    </message>
    <message>
        <source>Ukey 密码错误。</source>
        <translation>Wrong Ukey password.</translation>
    </message>
    <message>
        <source>Ukey 密码错误，还可以尝试 {retries_left} 次。</source>
        <translation>Wrong Ukey password: {retries_left} tries left.</translation>
    </message>
    <message>
        <source>Ukey 序列号：{value}</source>
        <translation>Ukey serial number: {value}</translation>
    </message>
    <message>
        <source>Ukey 延期</source>
        <translation>Renewing the Ukey</translation>
    </message>
    <message>
        <source>Ukey 操作失败。</source>
        <translation>The Ukey operation failed.</translation>
    </message>
    <message>
        <source>Ukey 类型</source>
        <translation>Ukey type</translation>
    </message>
    <message>
        <source>Ukey 类型(&amp;T)：</source>
        <translation>Ukey &amp;type:</translation>
    </message>
    <message>
        <source>Ukey 补办申请函</source>
        <translation>Ukey replacement application</translation>
    </message>
    <message>
        <source>Ukey 证书到期提醒</source>
        <translation>Ukey certificate expiry reminder</translation>
    </message>
    <message>
        <source>Ukey 证书延期助手 {version} — 12309 中国检察网</source>
        <translation>Ukey renewal assistant {version} — 12309 platform</translation>
    </message>
    <message>
        <source>Ukey 运维人员：{people}&lt;br&gt;平台运维人员：{platform}（指南 3.12）</source>
        <translation>Ukey support: {people}&lt;br&gt;Platform support: {platform} (guide 3.12)</translation>
    </message>
    <message>
        <source>Ukey 驱动</source>
        <translation>Ukey driver</translation>
    </message>
    <message>
        <source>Ukey 驱动文件无法加载（不是有效的 PKCS#11 模块）。</source>
        <translation>The Ukey driver file cannot be loaded (it is not a valid PKCS#11 module).</translation>
    </message>
    <message>
        <source>Windows 10（1809 或更新，build {build}）</source>
        <translation>Windows 10 (1809 or later, build {build})</translation>
    </message>
    <message>
        <source>{backend}：{detail}</source>
        <translation>{backend}: {detail}</translation>
    </message>
    <message>
        <source>{check}：{detail}</source>
        <translation>{check}: {detail}</translation>
    </message>
    <message>
        <source>{code}（来自 {source}）</source>
        <translation>{code} (from {source})</translation>
    </message>
    <message>
        <source>{days} 天</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>{days} 天内不再提醒</source>
        <translation>No reminder for {days} days</translation>
    </message>
    <message>
        <source>{days} 天前到期（{date}）</source>
        <translation>{days} days ago ({date})</translation>
    </message>
    <message>
        <source>{error}练习模式可用练习 Ukey。</source>
        <translation>{error} In practice mode the practice Ukey will do.</translation>
    </message>
    <message>
        <source>{found}。</source>
        <translation>{found}.</translation>
    </message>
    <message>
        <source>{found}（USB：{keys}）</source>
        <translation>{found} (USB: {keys})</translation>
    </message>
    <message>
        <source>{holder}：{verdict}</source>
        <translation>{holder}: {verdict}</translation>
    </message>
    <message>
        <source>{message}{next_step}</source>
        <translation>{message} {next_step}</translation>
    </message>
    <message>
        <source>{message}练习时用练习 Ukey 即可；正式延期时请插入红色 Ukey（指南 1.3）。</source>
        <translation>{message} The practice Ukey will do for practising; for the real renewal insert the red Ukey (guide 1.3).</translation>
    </message>
    <message>
        <source>{model}，序列号 {serial}</source>
        <translation>{model}, serial {serial}</translation>
    </message>
    <message>
        <source>{module} 已加载，没有检测到 Ukey</source>
        <translation>{module} loaded, no Ukey detected</translation>
    </message>
    <message>
        <source>{module} 检测到 Ukey：{keys}</source>
        <translation>{module} detected a Ukey: {keys}</translation>
    </message>
    <message>
        <source>{module}：{error}</source>
        <translation>{module}: {error}</translation>
    </message>
    <message>
        <source>{name} — {kind}（{serial}）</source>
        <translation>{name} — {kind} ({serial})</translation>
    </message>
    <message>
        <source>{readers} 个读卡器，都没有插卡。</source>
        <translation>{readers} card readers, none with a card in it.</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>{state}：{when}</source>
        <translation>{state}: {when}</translation>
    </message>
    <message>
        <source>{title}（指南 {section}）</source>
        <translation>{title} (guide {section})</translation>
    </message>
    <message>
        <source>{url}：可以连通（HTTP {code}）。</source>
        <translation>{url}: reachable (HTTP {code}).</translation>
    </message>
    <message>
        <source>{url}：安全证书验证失败（检查电脑日期；不要在不受信任的网络上操作）。</source>
        <translation>{url}: the security certificate could not be verified (check the computer's date; do not go on over an untrusted network).</translation>
    </message>
    <message>
        <source>{url}：连得上，但网站上没有这个地址（HTTP {code}）：网址可能有误或已变，请核对（指南 2.2 ①）。</source>
        <translation>{url}: reachable, but the site has no such address (HTTP {code}): the address may be wrong or changed, please check it (guide 2.2 ①).</translation>
    </message>
    <message>
        <source>{url}：连得上，但网站拒绝了访问（HTTP {code}）。</source>
        <translation>{url}: reachable, but the site refused access (HTTP {code}).</translation>
    </message>
    <message>
        <source>{url}：连得上，但网站暂时出错（HTTP {code}），请稍后再试。</source>
        <translation>{url}: reachable, but the site has a passing fault (HTTP {code}), please try again later.</translation>
    </message>
    <message>
        <source>{url}：连接不上（{error}）。请确认电脑能上外网。</source>
        <translation>{url}: cannot connect ({error}). Make sure the computer can reach the internet.</translation>
    </message>
    <message>
        <source>{url}：通过系统代理连不上（代理不可用或拒绝了该网站）。请检查代理设置或联系网络管理员。</source>
        <translation>{url}: cannot connect through the system proxy (the proxy is down or refused the site). Check the proxy settings or ask the network administrator.</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month}-{day}</translation>
    </message>
    <message>
        <source>“{pasted}”：{note}</source>
        <translation>"{pasted}": {note}</translation>
    </message>
    <message>
        <source>① 打开 360 安全浏览器，进入证书延期网站（网址已复制）</source>
        <translation>① Open 360 Secure Browser and go to the renewal site (the address is copied)</translation>
    </message>
    <message>
        <source>② 点地址栏右侧的⚡，选择“兼容模式”</source>
        <translation>② Click ⚡ right of the address bar and choose "Compatibility mode"</translation>
    </message>
    <message>
        <source>③ 点“更新数字证书”，输入 Ukey 密码，点“登录”</source>
        <translation>③ Click "更新数字证书" (update certificate), enter the Ukey password, click "登录" (log in)</translation>
    </message>
    <message>
        <source>④ 填写当前持有 Ukey 人员的姓名和手机号、验证码，点“提交”</source>
        <translation>④ Enter the current holder's name and mobile and the captcha, click "提交" (submit)</translation>
    </message>
    <message>
        <source>⑤ 核对信息，点“下一步”</source>
        <translation>⑤ Check the details, click "下一步" (next)</translation>
    </message>
    <message>
        <source>⑥ 输入新的 Ukey 密码（6–8 位字母和数字）和验证码，点“下载证书”</source>
        <translation>⑥ Enter the new Ukey password (6–8 letters and digits) and the captcha, click "下载证书" (download)</translation>
    </message>
    <message>
        <source>⑦ 在下载页面点“下载证书”</source>
        <translation>⑦ On the download page click "下载证书" (download)</translation>
    </message>
    <message>
        <source>⑧ 等待约 2 分钟，期间不要拔出 Ukey、不要断网</source>
        <translation>⑧ Wait about 2 minutes; do not unplug the Ukey or the network</translation>
    </message>
    <message>
        <source>⑨ 看到下载成功的提示：延期完成</source>
        <translation>⑨ When the download succeeds, the renewal is done</translation>
    </message>
    <message>
        <source>上次在设置新密码时中断，新密码可能已生效，Ukey 无法告知是哪一个：请先输入新设置的密码；若提示密码错误（这会用掉一次尝试机会），再输入原密码。</source>
        <translation>Last time the renewal stopped while the new password was being set, so the new password may be in force, and the Ukey cannot tell which: type the new password first; if it is refused (that uses up one try), type the old one.</translation>
    </message>
    <message>
        <source>上次已设置新的 Ukey 密码，请输入新密码。</source>
        <translation>The new Ukey password was set last time: type the new password.</translation>
    </message>
    <message>
        <source>上次延期未完成：点“下一步”接着上次的订单继续（指南 2.2）。</source>
        <translation>The last renewal did not finish: click "Next" to go on with its order (guide 2.2).</translation>
    </message>
    <message>
        <source>上次延期未完成：订单 {order}，持有人 {name}（{mobile}）。请核对；输入 Ukey 密码后接着上次的进度延期。</source>
        <translation>The last renewal did not finish: order {order}, holder {name} ({mobile}). Please check them; enter the Ukey password to go on from where it stopped.</translation>
    </message>
    <message>
        <source>上次未完成的延期已不存在：请返回重新检测。</source>
        <translation>The unfinished renewal is gone: go back and detect the key again.</translation>
    </message>
    <message>
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>下一步(&amp;X)</source>
        <translation>Ne&amp;xt</translation>
    </message>
    <message>
        <source>下一步：{step}</source>
        <translation>Next: {step}</translation>
    </message>
    <message>
        <source>下载新证书</source>
        <translation>Download the new certificate</translation>
    </message>
    <message>
        <source>不记得登记的姓名和手机号？请添加 Ukey 运维人员的微信，把证书信息发给对方（指南 3.6 ③）：点下面的按钮复制，再粘贴到微信。</source>
        <translation>Do not remember the name and phone recorded? Add the Ukey support staff on WeChat and send them the certificate details (guide 3.6 ③): copy them with the button below and paste them into WeChat.</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>今天是有效期的最后一天（{date}）</source>
        <translation>today is its last valid day ({date})</translation>
    </message>
    <message>
        <source>仍要再次延期(&amp;A)（会生成新的订单）</source>
        <translation>Renew &amp;again anyway (places a new order)</translation>
    </message>
    <message>
        <source>保存为 PDF(&amp;F)…</source>
        <translation>Save as PD&amp;F…</translation>
    </message>
    <message>
        <source>保存为 Word(&amp;W)…</source>
        <translation>Save as &amp;Word…</translation>
    </message>
    <message>
        <source>保存延期回执</source>
        <translation>Save the renewal receipt</translation>
    </message>
    <message>
        <source>保存延期回执(&amp;S)…</source>
        <translation>&amp;Save the renewal receipt…</translation>
    </message>
    <message>
        <source>保存支持信息包</source>
        <translation>Save the support bundle</translation>
    </message>
    <message>
        <source>保存支持信息包(&amp;B)…</source>
        <translation>Save the support &amp;bundle…</translation>
    </message>
    <message>
        <source>保存申请函</source>
        <translation>Save the application</translation>
    </message>
    <message>
        <source>信息有误，重新填写(&amp;E)</source>
        <translation>Details wrong, fill in &amp;again</translation>
    </message>
    <message>
        <source>信息有误，重新填写(&amp;W)</source>
        <translation>Details &amp;wrong, fill them in again</translation>
    </message>
    <message>
        <source>修改 Ukey 密码</source>
        <translation>Change Ukey password</translation>
    </message>
    <message>
        <source>修改 Ukey 密码(&amp;P)</source>
        <translation>Change Ukey &amp;password</translation>
    </message>
    <message>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>再输一次(&amp;A)：</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <source>再运行一次即可，其他延期记录不受影响。若这是今天对这把 Ukey 的延期，请不要再次延期；这次延期的回执请按订单号向 Ukey 运维人员说明，并把支持信息发给他们（指南 3.12）。</source>
        <translation>Run it again: the other renewal records are not affected. If this was today's renewal of this key, do not renew it again; for this renewal's receipt, give the order number to the Ukey administrators and send them the support information (guide 3.12).</translation>
    </message>
    <message>
        <source>写入新证书并核对</source>
        <translation>Write and check the new certificate</translation>
    </message>
    <message>
        <source>到期前提醒我(&amp;R)</source>
        <translation>&amp;Remind me before it expires</translation>
    </message>
    <message>
        <source>到期提醒不影响延期本身。可以稍后再试一次，或每隔一段时间手动运行 ukey-renew remind 查看；仍不行请把支持信息发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>The reminder does not affect the renewal itself. Try again later, or run ukey-renew remind by hand now and then; if it still fails, send the support information to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>到期日期</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>单位、有效期、订单号等，发给 Ukey 运维人员或留存</source>
        <translation>Unit, validity, order number and more: send it to the Ukey support staff or keep it</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>压缩包 (*.zip)</source>
        <translation>Zip archive (*.zip)</translation>
    </message>
    <message>
        <source>参见指南 {section}　错误代码：{id}</source>
        <translation>See guide {section}  Error code: {id}</translation>
    </message>
    <message>
        <source>另有 {count} 把 Ukey 也需要处理。</source>
        <translation>{count} more Ukeys need attention too.</translation>
    </message>
    <message>
        <source>可以使用。</source>
        <translation>Acceptable.</translation>
    </message>
    <message>
        <source>可以随时重新开始延期；已提交的订单会继续使用，不会重复下单。</source>
        <translation>You can start the renewal again at any time; an order already submitted is reused, not placed twice.</translation>
    </message>
    <message>
        <source>可填案件受案号，如 成检刑诉受[2023]371724000xxx号</source>
        <translation>A case number fills the code, e.g. 成检刑诉受[2023]371724000xxx号</translation>
    </message>
    <message>
        <source>向 Ukey 写入证书失败，原证书保持不变。</source>
        <translation>Writing the certificate to the Ukey failed; the old certificate is unchanged.</translation>
    </message>
    <message>
        <source>否(&amp;N)</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>国产操作系统（{system}）不适用红色 Ukey：请换一台 Windows 互联网电脑（指南 3.1 注）。</source>
        <translation>A domestic operating system ({system}) does not serve the red Ukey: use a Windows computer with internet access (guide 3.1 note).</translation>
    </message>
    <message>
        <source>在 Ukey 中生成新密钥</source>
        <translation>Generate a new key on the Ukey</translation>
    </message>
    <message>
        <source>在本机记录持有人信息(&amp;S)</source>
        <translation>&amp;Save holder details on this computer</translation>
    </message>
    <message>
        <source>在浏览器中延期</source>
        <translation>Renew in the browser</translation>
    </message>
    <message>
        <source>在浏览器中延期（引导模式）(&amp;G)</source>
        <translation>Renew in the browser (&amp;guided mode)</translation>
    </message>
    <message>
        <source>复制支持信息(&amp;I)</source>
        <translation>Support &amp;info</translation>
    </message>
    <message>
        <source>复制网址(&amp;C)</source>
        <translation>&amp;Copy address</translation>
    </message>
    <message>
        <source>复制证书信息(&amp;I)</source>
        <translation>Copy certificate &amp;information</translation>
    </message>
    <message>
        <source>多数 Ukey 不经读卡器，不影响使用；需要读卡器时请安装 pyscard（pip install 'ukey-renew[pcsc]'，指南 3.3）。</source>
        <translation>Most Ukeys do not use a card reader, so this does not matter. If you need a card reader, install pyscard (pip install 'ukey-renew[pcsc]', guide 3.3).</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>done</translation>
    </message>
    <message>
        <source>完成(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>完成延期</source>
        <translation>Complete the renewal</translation>
    </message>
    <message>
        <source>完成（上次已做）</source>
        <translation>done (last time)</translation>
    </message>
    <message>
        <source>密钥算法</source>
        <translation>Key algorithm</translation>
    </message>
    <message>
        <source>导出证书</source>
        <translation>Export certificate</translation>
    </message>
    <message>
        <source>导出证书(&amp;E)…</source>
        <translation>&amp;Export certificate…</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>已取消到期提醒。</source>
        <translation>The expiry reminder is removed.</translation>
    </message>
    <message>
        <source>已在 Ukey 上读到新证书（指南 2.3 ②），延期前后的有效期见下表。想再确认时，可拔插 Ukey 后再读一次。</source>
        <translation>The new certificate was read from the Ukey (guide 2.3 ②); the table shows the validity before and after. To check again, unplug and reinsert the Ukey and read it once more.</translation>
    </message>
    <message>
        <source>已安装 360 安全浏览器：{path}</source>
        <translation>360 Secure Browser installed: {path}</translation>
    </message>
    <message>
        <source>已安装：{names}</source>
        <translation>Installed: {names}</translation>
    </message>
    <message>
        <source>已放弃订单 {order}。请修改持有人信息，再输入 Ukey 密码重新开始（指南 2.2 ⑤）。</source>
        <translation>Order {order} dropped. Correct the holder's details, then enter the Ukey password to start again (guide 2.2 ⑤).</translation>
    </message>
    <message>
        <source>已无法在线延期，需要更换 Ukey（指南 3.7）。点“开始续期”查看怎么办。</source>
        <translation>It can no longer be renewed online; the Ukey must be replaced (guide 3.7). Click "Renew now" to see what to do.</translation>
    </message>
    <message>
        <source>已记录。以后申请解锁时会自动填写（指南 3.6）。</source>
        <translation>Saved. An unlock request will be filled in with it (guide 3.6).</translation>
    </message>
    <message>
        <source>已设置到期提醒（{where}）。可随时取消勾选。</source>
        <translation>The expiry reminder is set up ({where}). Untick it at any time.</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>已过期 {days} 天</source>
        <translation>expired {days} days ago</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>序列号</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>延期前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>延期后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>延期回执.pdf</source>
        <translation>renewal-receipt.pdf</translation>
    </message>
    <message>
        <source>延期回执已保存：{path}</source>
        <translation>Renewal receipt saved: {path}</translation>
    </message>
    <message>
        <source>延期已停止。原证书保持不变；再次开始时会接着上次的进度。</source>
        <translation>The renewal stopped. The old certificate is unchanged; starting again continues where it stopped.</translation>
    </message>
    <message>
        <source>延期已取消，原证书保持不变。</source>
        <translation>The renewal was cancelled; the old certificate is unchanged.</translation>
    </message>
    <message>
        <source>延期本身已完成，无需重做。请记下订单号和持有人姓名、手机号（解锁时需要，指南 2.2 ④）；清理磁盘、确认数据文件夹可以写入后，再次运行延期（向导或 ukey-renew renew --practice），会沿用这个订单补记延期记录，不会重新下单（指南 3.12）。</source>
        <translation>The renewal itself is done: do not redo it. Note the order number and the holder's name and mobile (an unlock needs them, guide 2.2 ④). Once the disk has room and the data folder can be written to, run the renewal again (the wizard or ukey-renew renew --practice): it goes on with this order and records it, placing no new order (guide 3.12).</translation>
    </message>
    <message>
        <source>延期正在进行。现在退出，进度会保存，下次打开时接着做；若正在写入 Ukey，会在写完后停止。确定退出吗？</source>
        <translation>A renewal is running. If you quit now, progress is saved and continues next time; a write to the Ukey finishes first. Quit?</translation>
    </message>
    <message>
        <source>延期步骤</source>
        <translation>Renewal steps</translation>
    </message>
    <message>
        <source>延期网站把请求转到了别的地址，为安全起见已停止。</source>
        <translation>The renewal site redirected the request to another address; stopped for safety.</translation>
    </message>
    <message>
        <source>延期网站暂时出错。</source>
        <translation>The renewal site has a temporary error.</translation>
    </message>
    <message>
        <source>延期网站登录页提供的服务器证书不属于该网站（不是该网站的 CA 签发，或名称不符），为安全起见已停止，Ukey 没有签名任何内容。</source>
        <translation>The server certificate on the renewal site's login page does not belong to the site (it was not issued by the site's CA, or the name does not match). Stopped for safety; the Ukey signed nothing.</translation>
    </message>
    <message>
        <source>延期网站的安全证书无法验证，已停止连接。</source>
        <translation>The renewal site's security certificate cannot be verified; the connection was stopped.</translation>
    </message>
    <message>
        <source>延期网站返回了无法识别的内容。</source>
        <translation>The renewal site returned something that could not be understood.</translation>
    </message>
    <message>
        <source>延期网站返回了错误。</source>
        <translation>The renewal site returned an error.</translation>
    </message>
    <message>
        <source>延期进度</source>
        <translation>Renewal progress</translation>
    </message>
    <message>
        <source>延期进行中。完成前请不要拔出 Ukey，不要断网。</source>
        <translation>Renewing. Do not unplug the Ukey or the network until it is done.</translation>
    </message>
    <message>
        <source>开始延期(&amp;S)</source>
        <translation>&amp;Start renewal</translation>
    </message>
    <message>
        <source>开始续期(&amp;S)</source>
        <translation>&amp;Renew now</translation>
    </message>
    <message>
        <source>引导模式：在浏览器中延期(&amp;G)（指南 2.2）</source>
        <translation>&amp;Guided mode: renew in the browser (guide 2.2)</translation>
    </message>
    <message>
        <source>引导模式：在浏览器中延期（指南 2.2）</source>
        <translation>Guided mode: renew in the browser (guide 2.2)</translation>
    </message>
    <message>
        <source>当前 Ukey 密码</source>
        <translation>Current Ukey password</translation>
    </message>
    <message>
        <source>当前密码(&amp;O)：</source>
        <translation>Current password (&amp;O):</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>情况(&amp;S)：</source>
        <translation>&amp;Situation:</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>情况说明(&amp;D)：</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <source>我已在浏览器中完成延期，重新读取 Ukey(&amp;K)</source>
        <translation>I have renewed in the browser: read the U&amp;key again</translation>
    </message>
    <message>
        <source>我已拔下并重新插入 Ukey(&amp;K)</source>
        <translation>I unplugged and reinserted the U&amp;key</translation>
    </message>
    <message>
        <source>手机(&amp;M)：</source>
        <translation>&amp;Mobile:</translation>
    </message>
    <message>
        <source>打印后请加盖公章。组织机构代码为 6 位数字，可从证书、Ukey 标签或受案号中找到。</source>
        <translation>Print it and add the official seal. The organization code has 6 digits; find it in the certificate, on the Ukey label or in a case number.</translation>
    </message>
    <message>
        <source>打开登录网站(&amp;L)</source>
        <translation>Open the &amp;login site</translation>
    </message>
    <message>
        <source>找不到 Ukey 驱动（PKCS#11 模块）。</source>
        <translation>The Ukey driver (PKCS#11 module) cannot be found.</translation>
    </message>
    <message>
        <source>持有人姓名</source>
        <translation>Holder's name</translation>
    </message>
    <message>
        <source>持有人姓名(&amp;N)：</source>
        <translation>Holder's &amp;name:</translation>
    </message>
    <message>
        <source>持有人姓名或手机号格式不正确。</source>
        <translation>The holder's name or mobile number is not in the right format.</translation>
    </message>
    <message>
        <source>持有人手机(&amp;M)：</source>
        <translation>Holder's &amp;mobile:</translation>
    </message>
    <message>
        <source>持有人手机号</source>
        <translation>Holder's mobile</translation>
    </message>
    <message>
        <source>持有人手机号(&amp;M)：</source>
        <translation>Holder's &amp;mobile:</translation>
    </message>
    <message>
        <source>指南 {section}：{title}</source>
        <translation>Guide {section}: {title}</translation>
    </message>
    <message>
        <source>指南 {step}</source>
        <translation>Guide {step}</translation>
    </message>
    <message>
        <source>换一张(&amp;G)</source>
        <translation>Another &amp;picture</translation>
    </message>
    <message>
        <source>排查路径</source>
        <translation>Path walked</translation>
    </message>
    <message>
        <source>排查路径：{path}</source>
        <translation>Path: {path}</translation>
    </message>
    <message>
        <source>接下来请看指南 {section}「{title}」：{summary}</source>
        <translation>Next, see guide {section} “{title}”: {summary}</translation>
    </message>
    <message>
        <source>提交当前持有人信息</source>
        <translation>Submit the current holder's details</translation>
    </message>
    <message>
        <source>提交解锁申请(&amp;S)</source>
        <translation>&amp;Submit unlock request</translation>
    </message>
    <message>
        <source>提交验证码(&amp;C)</source>
        <translation>Submit the &amp;code</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>插入红色 Ukey</source>
        <translation>Insert the red Ukey</translation>
    </message>
    <message>
        <source>搜索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>搜索问题</source>
        <translation>Search problems</translation>
    </message>
    <message>
        <source>支持信息包已保存：{path}。请发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Support bundle saved: {path}. Send it to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>支持信息已复制。请粘贴到微信或邮件中发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Support information copied. Paste it into WeChat or an e-mail to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>收件人姓名</source>
        <translation>Receiver's name</translation>
    </message>
    <message>
        <source>收件人姓名(&amp;N)：</source>
        <translation>Receiver's &amp;name:</translation>
    </message>
    <message>
        <source>收件人电话</source>
        <translation>Receiver's phone</translation>
    </message>
    <message>
        <source>收件人电话(&amp;P)：</source>
        <translation>Receiver's &amp;phone:</translation>
    </message>
    <message>
        <source>收件地址</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>收件地址(&amp;A)：</source>
        <translation>Delivery &amp;address:</translation>
    </message>
    <message>
        <source>放弃上次的订单，重新填写持有人信息后生成新订单（指南 2.2 ⑤）。</source>
        <translation>Drop the last order, fill in the holder again and make a new order (guide 2.2 ⑤).</translation>
    </message>
    <message>
        <source>放弃这个订单，返回修改持有人信息后生成新订单（指南 2.2 ⑤）。</source>
        <translation>Drop this order, go back and correct the holder's details, then make a new order (guide 2.2 ⑤).</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>新密码(&amp;W)：</source>
        <translation>New pass&amp;word:</translation>
    </message>
    <message>
        <source>新密码最多 8 位：更长的密码会被截断，以后登录时就对不上了（指南 3.9 情况 3a）。</source>
        <translation>The new password has at most 8 characters: a longer one is cut, and logging in would then fail (guide 3.9 case 3a).</translation>
    </message>
    <message>
        <source>新密码须为 6–8 位字母和数字的组合。</source>
        <translation>The new password must be 6–8 characters of letters and digits.</translation>
    </message>
    <message>
        <source>新密码须为 6–8 位，且同时包含字母和数字（指南 3.6 ⑥）。</source>
        <translation>The new password needs 6–8 characters with both letters and digits (guide 3.6 ⑥).</translation>
    </message>
    <message>
        <source>新密码：6–8 位，字母和数字组合（指南 3.6 ⑥）。</source>
        <translation>New password: 6–8 characters, letters and digits (guide 3.6 ⑥).</translation>
    </message>
    <message>
        <source>新的 Ukey 密码</source>
        <translation>New Ukey password</translation>
    </message>
    <message>
        <source>新的 Ukey 密码（登录验证）</source>
        <translation>New Ukey password (login test)</translation>
    </message>
    <message>
        <source>新证书与 Ukey 中生成的密钥不匹配，未写入，原证书保持不变。</source>
        <translation>The new certificate does not match the key made on the Ukey. It was not written; the old certificate is unchanged.</translation>
    </message>
    <message>
        <source>新证书将在 {minutes} 分 {seconds} 秒后生效（指南 2.3 ③、3.9 情况 2），之后才能登录验证。</source>
        <translation>The new certificate takes effect in {minutes} min {seconds} s (guide 2.3 ③, 3.9 case 2); the login test waits until then.</translation>
    </message>
    <message>
        <source>新证书已生效，可以登录验证。</source>
        <translation>The new certificate is active; you can test the login.</translation>
    </message>
    <message>
        <source>新证书有效期</source>
        <translation>New validity</translation>
    </message>
    <message>
        <source>无法检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>无法读取证书：文件内容不是有效的 X.509 证书。</source>
        <translation>Cannot read the certificate: the file is not a valid X.509 certificate.</translation>
    </message>
    <message>
        <source>无法连接证书延期网站。</source>
        <translation>Cannot connect to the certificate renewal site.</translation>
    </message>
    <message>
        <source>无需再次延期：请拔下并重新插入 Ukey，按指南 2.3 验证。确需再次延期，请加 --again。</source>
        <translation>No need to renew again: unplug the Ukey, plug it back in and verify as in guide 2.3. To renew again anyway, add --again.</translation>
    </message>
    <message>
        <source>日志无法写入（磁盘已满或没有写入权限），详细信息没有保存。</source>
        <translation>The log cannot be written (the disk is full or not writable): the details were not saved.</translation>
    </message>
    <message>
        <source>是(&amp;Y)</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>更换 Ukey 需要申请函，内容见指南 3.7：检察院名称、组织机构代码、Ukey 类型、情况说明、收件人信息，并加盖公章。</source>
        <translation>A replacement needs an application letter (guide 3.7): procuratorate name, organization code, Ukey type, what happened, the receiver's details, and the official seal.</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>有效期还没有更新：请再拔插一次 Ukey 后重新读取（指南 3.9 情况 1）。</source>
        <translation>The validity is not updated yet: unplug and reinsert the Ukey once more, then read again (guide 3.9 case 1).</translation>
    </message>
    <message>
        <source>有效期：{start} 至 {end}</source>
        <translation>Valid: {start} to {end}</translation>
    </message>
    <message>
        <source>未检查网络（{url}）。</source>
        <translation>Network not checked ({url}).</translation>
    </message>
    <message>
        <source>未检测到 Ukey。</source>
        <translation>No Ukey detected.</translation>
    </message>
    <message>
        <source>未检测到 Ukey：电脑的 USB 设备中没有红色 Ukey。</source>
        <translation>No Ukey detected: there is no red Ukey among the computer's USB devices.</translation>
    </message>
    <message>
        <source>本机还没有延期记录，无法生成回执。</source>
        <translation>There is no renewal record on this computer yet, so no receipt can be made.</translation>
    </message>
    <message>
        <source>本电脑上的程序缺少国密 SM2 组件，无法使用 SM2 密钥和证书。</source>
        <translation>The program on this computer lacks the SM2 (Chinese national cryptography) component and cannot use SM2 keys and certificates.</translation>
    </message>
    <message>
        <source>本程序会改用 BJCA 证书应用环境读取 Ukey：请确认已按指南 3.2 安装证书助手（证书应用环境）；仍读不到 Ukey，请联系 Ukey 运维人员向 BJCA 索取 64 位驱动（指南 3.12）。</source>
        <translation>The program will read the Ukey through the BJCA certificate environment instead: make sure the certificate assistant (certificate environment) is installed as in guide 3.2. If the Ukey still cannot be read, ask the Ukey support staff to get the 64-bit driver from BJCA (guide 3.12).</translation>
    </message>
    <message>
        <source>本程序只用您输入的密码尝试一次，不会自动重试。</source>
        <translation>The program tries the password you type once and never retries it by itself.</translation>
    </message>
    <message>
        <source>查看 指南 {section}(&amp;O)</source>
        <translation>&amp;Open guide {section}</translation>
    </message>
    <message>
        <source>查看审批结果(&amp;C)</source>
        <translation>&amp;Check approval</translation>
    </message>
    <message>
        <source>查看证书有效期</source>
        <translation>Check the certificate</translation>
    </message>
    <message>
        <source>核对信息，生成订单</source>
        <translation>Confirm the details; the order is made</translation>
    </message>
    <message>
        <source>案件受案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>案件受案号(&amp;K)：</source>
        <translation>Case number (&amp;K):</translation>
    </message>
    <message>
        <source>检察院名称</source>
        <translation>Procuratorate</translation>
    </message>
    <message>
        <source>检察院名称(&amp;C)：</source>
        <translation>Pro&amp;curatorate:</translation>
    </message>
    <message>
        <source>检查出错：{error}</source>
        <translation>The check failed: {error}</translation>
    </message>
    <message>
        <source>检查超时（超过 {seconds} 秒）。</source>
        <translation>The check timed out (over {seconds} seconds).</translation>
    </message>
    <message>
        <source>检测到的 Ukey</source>
        <translation>Ukeys found</translation>
    </message>
    <message>
        <source>正在延期</source>
        <translation>Renewing</translation>
    </message>
    <message>
        <source>正在检查 USB 接口、BJCA 证书助手和驱动……</source>
        <translation>Checking the USB ports, the BJCA certificate assistant and the driver…</translation>
    </message>
    <message>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正在检查并打包支持信息……</source>
        <translation>Checking and packing the support information…</translation>
    </message>
    <message>
        <source>正在读取 Ukey……</source>
        <translation>Reading the Ukey…</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>正式延期网站目前不支持由本程序直接延期。</source>
        <translation>The production renewal site does not yet support renewing directly from this program.</translation>
    </message>
    <message>
        <source>正式延期网站目前需要在浏览器中操作：请点“下一步”，程序会打开网站并逐步提示（指南 2.2）。</source>
        <translation>The production renewal site is used in the browser for now: click "Next"; the program opens the site and guides you step by step (guide 2.2).</translation>
    </message>
    <message>
        <source>正式延期网站需要在浏览器中操作：点下面的按钮，程序会打开网站并列出每一步（指南 2.2）。</source>
        <translation>The production renewal site is used in the browser: click the button below; the program opens the site and lists every step (guide 2.2).</translation>
    </message>
    <message>
        <source>此操作需要先输入 Ukey 密码。</source>
        <translation>Enter the Ukey password first for this operation.</translation>
    </message>
    <message>
        <source>没改过的 Ukey 密码是 111111（指南 2.2 ③）；延期或修改过的，是当时设置的新密码。忘记密码请勿反复尝试，按指南 3.6 申请解锁。</source>
        <translation>A Ukey password never changed is 111111 (guide 2.2 ③); after a renewal or a change, it is the new password set then. If you forgot it, do not keep trying: request an unlock as in guide 3.6.</translation>
    </message>
    <message>
        <source>没有可用的图形界面（显示器）。</source>
        <translation>No graphical display is available.</translation>
    </message>
    <message>
        <source>没有找到 360 安全浏览器：引导模式会用默认浏览器打开；按指南需要时请安装（指南 2.2 ①）。</source>
        <translation>360 Secure Browser not found: guided mode opens the default browser; install it when the guide needs it (guide 2.2 ①).</translation>
    </message>
    <message>
        <source>没有找到 BJCA 证书助手：请按指南 3.2 下载安装。</source>
        <translation>The BJCA certificate assistant was not found: download and install it as guide 3.2 says.</translation>
    </message>
    <message>
        <source>没有找到 Ukey 驱动（PKCS#11 模块）：请安装 BJCA 证书助手（指南 3.2）。</source>
        <translation>No Ukey driver (PKCS#11 module) found: install the BJCA certificate assistant (guide 3.2).</translation>
    </message>
    <message>
        <source>没有找到相符的问题。请换个说法，或联系下面的运维人员（指南 3.12）。</source>
        <translation>Nothing matching was found. Try other words, or contact the support staff below (guide 3.12).</translation>
    </message>
    <message>
        <source>没有智能卡读卡器（很多 Ukey 不经读卡器，这不一定是问题）。</source>
        <translation>No smart card reader (many Ukeys do without one, so this need not be a problem).</translation>
    </message>
    <message>
        <source>没有读到 Ukey 中的证书，无法检查有效期。</source>
        <translation>No certificate was read from the Ukey, so its validity cannot be checked.</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>然后设置新的 Ukey 密码（指南 2.2 ⑥）。&lt;b&gt;请务必牢记新密码&lt;/b&gt;，以后登录要用它。</source>
        <translation>Then set the new Ukey password (guide 2.2 ⑥). &lt;b&gt;Remember it&lt;/b&gt;: you will log in with it.</translation>
    </message>
    <message>
        <source>生效倒计时</source>
        <translation>Activation countdown</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>用 360 安全浏览器打开(&amp;O)</source>
        <translation>&amp;Open in 360 Secure Browser</translation>
    </message>
    <message>
        <source>用 Ukey 登录延期网站</source>
        <translation>Log in to the renewal site with the Ukey</translation>
    </message>
    <message>
        <source>用练习 Ukey 练一遍(&amp;T)</source>
        <translation>&amp;Try the practice Ukey</translation>
    </message>
    <message>
        <source>用自己的话描述问题，或粘贴报错信息，如：插上 Ukey 没反应</source>
        <translation>Describe the problem in your own words, or paste the error message, e.g. Ukey not detected</translation>
    </message>
    <message>
        <source>用默认浏览器打开(&amp;O)</source>
        <translation>&amp;Open in the default browser</translation>
    </message>
    <message>
        <source>申请函信息不完整或格式不对。</source>
        <translation>The application letter's details are incomplete or in the wrong format.</translation>
    </message>
    <message>
        <source>申请更换 Ukey</source>
        <translation>Apply for a new Ukey</translation>
    </message>
    <message>
        <source>申请解锁 Ukey 密码(&amp;U)（指南 3.6）</source>
        <translation>&amp;Unlock the Ukey password (guide 3.6)</translation>
    </message>
    <message>
        <source>电脑日期 {today}</source>
        <translation>Computer date {today}</translation>
    </message>
    <message>
        <source>电脑日期是 {today}，明显不对：请先把日期时间调准，否则证书有效期会算错（指南 2.1），延期网站的安全证书也无法验证。</source>
        <translation>The computer's date is {today}, which is plainly wrong: set the date and time right first, or the certificate's validity is misread (guide 2.1) and the renewal site's security certificate cannot be verified.</translation>
    </message>
    <message>
        <source>电脑检测到已插入 {keys}，但 BJCA 证书应用环境没有识别它。</source>
        <translation>The computer sees {keys} plugged in, but the BJCA certificate environment does not recognise it.</translation>
    </message>
    <message>
        <source>登录并填写持有人信息</source>
        <translation>Log in and name the holder</translation>
    </message>
    <message>
        <source>登录时输入的密码，默认 111111</source>
        <translation>The password you log in with; default 111111</translation>
    </message>
    <message>
        <source>登录验证(&amp;L)</source>
        <translation>&amp;Log in to test</translation>
    </message>
    <message>
        <source>看不清？点图片换一张</source>
        <translation>Hard to read? Click the picture for another one</translation>
    </message>
    <message>
        <source>看到“下载成功”后，请拔下并重新插入 Ukey，再点下面的按钮：读到新证书后即可验证（指南 2.3）。</source>
        <translation>Once the site says the download succeeded, unplug and replug the Ukey, then click the button below: when the new certificate is read, go on to verify (guide 2.3).</translation>
    </message>
    <message>
        <source>确定退出 Ukey 证书延期助手吗？已填写的内容不会保存。</source>
        <translation>Quit the Ukey certificate renewal assistant? What you have filled in is not kept.</translation>
    </message>
    <message>
        <source>确认并下载证书(&amp;D)</source>
        <translation>Confirm and &amp;download</translation>
    </message>
    <message>
        <source>磁盘已满：{path} 所在的磁盘只剩 {free} KB 可用，无法保存延期进度和记录。</source>
        <translation>The disk is full: the disk of {path} has only {free} KB free, too little to save the renewal's progress and record.</translation>
    </message>
    <message>
        <source>程序内部错误。</source>
        <translation>Internal error in the program.</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>程序遇到意外错误（{error}），刚才的操作可能没有完成。</source>
        <translation>The program ran into an unexpected error ({error}); what you were doing may not have finished.</translation>
    </message>
    <message>
        <source>稍后提醒(&amp;L)</source>
        <translation>Remind me &amp;later</translation>
    </message>
    <message>
        <source>窗口版程序没有命令行窗口，无法在此输入 Ukey 密码或验证码。</source>
        <translation>The windowed program has no console, so the Ukey password or verification code cannot be entered here.</translation>
    </message>
    <message>
        <source>系统的智能卡服务不可用。</source>
        <translation>The system's smart card service is not available.</translation>
    </message>
    <message>
        <source>练习 Ukey 中没有证书：请运行 ukey-renew practice reset。</source>
        <translation>The practice Ukey holds no certificate: run ukey-renew practice reset.</translation>
    </message>
    <message>
        <source>练习 Ukey 将恢复为初始状态：密码 111111，20 天后到期，练习从头开始。真实 Ukey 不受影响。要重置吗？</source>
        <translation>The practice Ukey goes back to how it started: password 111111, expiring in 20 days, the practice from the beginning. Real Ukeys are not touched. Reset it?</translation>
    </message>
    <message>
        <source>练习 Ukey 尚未设置：打开程序或运行 ukey-renew practice reset 即可。</source>
        <translation>The practice Ukey is not set up yet: open the program or run ukey-renew practice reset.</translation>
    </message>
    <message>
        <source>练习 Ukey 就绪：{holder}，还有 {days} 天到期。</source>
        <translation>The practice Ukey is ready: {holder}, {days} days left before it expires.</translation>
    </message>
    <message>
        <source>练习 Ukey 已重置，密码为 111111（指南 2.2 ③）。</source>
        <translation>The practice Ukey was reset; its password is 111111 (guide 2.2 ③).</translation>
    </message>
    <message>
        <source>练习 Ukey 是旧版本程序制作的，与真实红色 Ukey 不同，没有使用国密 SM2 证书，无法继续使用。</source>
        <translation>The practice Ukey was made by an older version of the program: unlike the real red Ukey it has no SM2 certificate, and it can no longer be used.</translation>
    </message>
    <message>
        <source>练习 Ukey 的文件已损坏，无法使用。</source>
        <translation>The practice Ukey's files are damaged and cannot be used.</translation>
    </message>
    <message>
        <source>练习 Ukey（软件）</source>
        <translation>practice Ukey (software)</translation>
    </message>
    <message>
        <source>练习模式：使用练习 Ukey 和内置模拟延期网站，不会改动真实 Ukey</source>
        <translation>Practice mode: the practice Ukey and the built-in renewal site; no real Ukey is changed</translation>
    </message>
    <message>
        <source>练习网站把 15 分钟缩短为 1 分钟。</source>
        <translation> The practice site shortens the 15 minutes to 1.</translation>
    </message>
    <message>
        <source>组织机构代码</source>
        <translation>Organization code</translation>
    </message>
    <message>
        <source>组织机构代码(&amp;O)：</source>
        <translation>&amp;Organization code:</translation>
    </message>
    <message>
        <source>组织机构代码：{value}</source>
        <translation>Organization code: {value}</translation>
    </message>
    <message>
        <source>继续上次未完成的延期</source>
        <translation>Finish the last renewal</translation>
    </message>
    <message>
        <source>网站下发的加密密钥无法用 Ukey 中的新密钥解开，新证书未启用，原证书保持不变。</source>
        <translation>The encryption key sent by the site cannot be opened with the new key in the Ukey. The new certificate was not put into use; the old certificate is unchanged.</translation>
    </message>
    <message>
        <source>网站下发的新证书与原证书的单位信息不一致，未写入 Ukey，原证书保持不变。</source>
        <translation>The new certificate from the site names a different unit than the old one. It was not written to the Ukey; the old certificate is unchanged.</translation>
    </message>
    <message>
        <source>若这是已拔下的其它 Ukey，可以忽略；若是正在使用的 Ukey，请拔下重新插入（指南 3.3）。</source>
        <translation>If this is another Ukey that was unplugged, ignore it; if it is the Ukey in use, unplug it and plug it back in (guide 3.3).</translation>
    </message>
    <message>
        <source>补办 Ukey 申请函(&amp;L)…（指南 3.7）</source>
        <translation>Replacement &amp;letter… (guide 3.7)</translation>
    </message>
    <message>
        <source>补办 Ukey 申请函（指南 3.7）</source>
        <translation>Application for a new Ukey (guide 3.7)</translation>
    </message>
    <message>
        <source>解锁 Ukey 密码</source>
        <translation>Unlock the Ukey password</translation>
    </message>
    <message>
        <source>解锁 Ukey 密码(&amp;U)（指南 3.6）</source>
        <translation>&amp;Unlock Ukey password (guide 3.6)</translation>
    </message>
    <message>
        <source>解锁 Ukey 密码（指南 3.6）</source>
        <translation>Unlock the Ukey password (guide 3.6)</translation>
    </message>
    <message>
        <source>解锁(&amp;U)</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>解锁授权码</source>
        <translation>Unlock authorization code</translation>
    </message>
    <message>
        <source>解锁授权码(&amp;C)：</source>
        <translation>Authorization &amp;code:</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>设置新的 Ukey 密码</source>
        <translation>Set the new Ukey password</translation>
    </message>
    <message>
        <source>证书 (*.cer)</source>
        <translation>Certificate (*.cer)</translation>
    </message>
    <message>
        <source>证书信息已复制，可以粘贴到微信发给 Ukey 运维人员。</source>
        <translation>Certificate details copied: paste them into WeChat for the Ukey support staff.</translation>
    </message>
    <message>
        <source>证书到期前 30 天起，登录电脑时在屏幕右下角提醒延期，每天最多一次</source>
        <translation>From 30 days before the certificate expires, a reminder in the screen's bottom-right corner when you log on, at most once a day</translation>
    </message>
    <message>
        <source>证书名称（单位）</source>
        <translation>Certificate name (unit)</translation>
    </message>
    <message>
        <source>证书名称（单位）：{value}</source>
        <translation>Certificate name (unit): {value}</translation>
    </message>
    <message>
        <source>证书尚未生效，请检查电脑的日期和时间是否正确。</source>
        <translation>The certificate is not valid yet: check the computer's date and time.</translation>
    </message>
    <message>
        <source>证书已导出到 {path}</source>
        <translation>Certificate exported to {path}</translation>
    </message>
    <message>
        <source>证书已过期 {days} 天，仍在 {limit} 天内，请尽快延期。</source>
        <translation>The certificate expired {days} days ago, within {limit} days: renew it soon.</translation>
    </message>
    <message>
        <source>证书已过期 {days} 天，超过 {limit} 天，无法在线延期，请按指南 3.7 申请更换 Ukey。</source>
        <translation>The certificate expired {days} days ago, more than {limit} days: it cannot be renewed online. Apply for a new Ukey (guide 3.7).</translation>
    </message>
    <message>
        <source>证书序列号：{value}</source>
        <translation>Certificate serial number: {value}</translation>
    </message>
    <message>
        <source>证书延期网站响应超时。</source>
        <translation>The certificate renewal site took too long to answer.</translation>
    </message>
    <message>
        <source>证书延期网站：&lt;b&gt;{url}&lt;/b&gt;（无需手动输入，已可一键打开和复制）</source>
        <translation>Renewal site: &lt;b&gt;{url}&lt;/b&gt; (no typing needed: open or copy it with one click)</translation>
    </message>
    <message>
        <source>证书文件为空。</source>
        <translation>The certificate file is empty.</translation>
    </message>
    <message>
        <source>证书有效，还有 {days} 天到期，可以延期。</source>
        <translation>The certificate is valid and expires in {days} days: it can be renewed.</translation>
    </message>
    <message>
        <source>证书用户名</source>
        <translation>Certificate user name</translation>
    </message>
    <message>
        <source>证书详细信息</source>
        <translation>Certificate details</translation>
    </message>
    <message>
        <source>证书详细信息(&amp;D)</source>
        <translation>Certificate &amp;details</translation>
    </message>
    <message>
        <source>证书过期超过 30 天，不能在线延期，需要更换 Ukey（指南 1.3 注 2）。请用下面的按钮填写申请函（情况为“过期”），打印后加盖公章。</source>
        <translation>The certificate expired more than 30 days ago: it cannot be renewed online and the Ukey must be replaced (guide 1.3 note 2). Fill in the application letter with the button below (situation "expired"), print it and have it sealed.</translation>
    </message>
    <message>
        <source>证书还有 {days} 天到期，到期前 {limit} 天内才能延期。</source>
        <translation>The certificate expires in {days} days: it can be renewed only in the last {limit} days.</translation>
    </message>
    <message>
        <source>该证书不能在线延期。</source>
        <translation>This certificate cannot be renewed online.</translation>
    </message>
    <message>
        <source>详细信息已写入日志：{path}</source>
        <translation>The details are in the log: {path}</translation>
    </message>
    <message>
        <source>请使用向导中的引导模式，在浏览器中按指南 2.2 操作；练习请加 --practice。</source>
        <translation>Use the wizard's guided mode and follow guide 2.2 in the browser; to practise, add --practice.</translation>
    </message>
    <message>
        <source>请保持 Ukey 插好，稍后重试；多次失败请联系 Ukey 运维人员（指南 3.12）。</source>
        <translation>Keep the Ukey plugged in and try again later. If it keeps failing, contact the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请先关闭所有浏览器窗口，再打开登录网站（指南 2.3 ③）。</source>
        <translation>Close every browser window first, then open the login site (guide 2.3 ③).</translation>
    </message>
    <message>
        <source>请先在第一页选择一把 Ukey。</source>
        <translation>Choose a Ukey on the first page first.</translation>
    </message>
    <message>
        <source>请先在第一页选择一把 Ukey，持有人信息会记在这把 Ukey 名下。</source>
        <translation>Choose a Ukey on the first page first: the holder is recorded for that Ukey.</translation>
    </message>
    <message>
        <source>请先完成延期（指南 2.2）；在浏览器中延期的，请在本程序中按指南 2.3 拔插 Ukey、查看新有效期，程序会记下这次延期，之后再生成回执。</source>
        <translation>Finish the renewal first (guide 2.2). If you renewed in the browser, unplug and replug the Ukey and look at the new validity in this program as in guide 2.3: the program records the renewal, and then the receipt can be made.</translation>
    </message>
    <message>
        <source>请先完成或关闭另一个延期窗口。</source>
        <translation>Finish or close the other renewal window first.</translation>
    </message>
    <message>
        <source>请先退出占用该端口的程序，或用 --port 指定另一个端口（指南 3.2）。</source>
        <translation>Quit the program using that port first, or choose another port with --port (guide 3.2).</translation>
    </message>
    <message>
        <source>请关闭其他正在运行的 ukey-renew 窗口或命令后再试；没有的话，请重启电脑后再试。仍不行请把支持信息发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Close any other running ukey-renew window or command and try again; if there is none, restart the computer and try again. If it still fails, send the support info to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请再次延期：程序会为同一订单重新向网站申请新证书，不会重新下单。多次失败请联系 Ukey 运维人员（指南 3.12）。</source>
        <translation>Renew again: the program asks the site for a new certificate for the same order and places no new order. If it fails several times, contact the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请双击打开 ukey-renew.exe，在窗口中延期；命令行请在命令提示符中运行 ukey-renew-cli.exe；脚本运行请设置环境变量 UKEY_RENEW_PIN 和 UKEY_RENEW_NEW_PASSWORD（指南 2.2）。</source>
        <translation>Double-click ukey-renew.exe to renew in its window. For the command line, run ukey-renew-cli.exe in a Command Prompt; for scripts, set the environment variables UKEY_RENEW_PIN and UKEY_RENEW_NEW_PASSWORD (guide 2.2).</translation>
    </message>
    <message>
        <source>请在 BJCA 弹出的窗口中操作（输入 Ukey 密码，或等“正在读取证书”结束；窗口可能在其它窗口后面）；没有这样的窗口，请重启电脑后再试（指南 3.2）。</source>
        <translation>Use the window BJCA opened (enter the Ukey password, or wait for "reading the certificate" to finish; the window may be behind others). If there is no such window, restart the computer and try again (guide 3.2).</translation>
    </message>
    <message>
        <source>请在桌面环境中运行；命令行用法见 ukey-renew --help（如 ukey-renew status）。</source>
        <translation>Run it in a desktop session; for command-line use see ukey-renew --help (for example ukey-renew status).</translation>
    </message>
    <message>
        <source>请在终端中运行，或设置环境变量 UKEY_RENEW_PIN 和 UKEY_RENEW_NEW_PASSWORD。</source>
        <translation>Run it in a terminal, or set the environment variables UKEY_RENEW_PIN and UKEY_RENEW_NEW_PASSWORD.</translation>
    </message>
    <message>
        <source>请填写延期时登记的持有人姓名和手机号（指南 3.6 ②）。</source>
        <translation>Enter the holder's name and mobile recorded at renewal (guide 3.6 ②).</translation>
    </message>
    <message>
        <source>请填写当前持有 Ukey 人员的真实姓名和 11 位手机号，并记录下来，解锁时需要（指南 2.2 ④）。</source>
        <translation>Enter the real name and 11-digit mobile number of the person who holds the Ukey now, and note them: an unlock needs them (guide 2.2 ④).</translation>
    </message>
    <message>
        <source>请安装 64 位（x64）版本的本程序；仍不行请联系 Ukey 运维人员（指南 3.12）。</source>
        <translation>Install the 64-bit (x64) version of this program. If that does not help, contact the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请安装 BJCA 证书助手（指南 3.2）后重试。</source>
        <translation>Install the BJCA certificate assistant (guide 3.2) and try again.</translation>
    </message>
    <message>
        <source>请将支持信息复制给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Copy the support info to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请尽快延期：插上这把 Ukey，点“开始续期”（指南 2.2）。</source>
        <translation>Renew soon: plug in this Ukey and click "Renew now" (guide 2.2).</translation>
    </message>
    <message>
        <source>请把 Ukey 插到别的 USB 接口（指南 3.3 ②）；仍不行请重启电脑（指南 3.3 ③）。</source>
        <translation>Plug the Ukey into another USB port (guide 3.3 ②). If that does not help, restart the computer (guide 3.3 ③).</translation>
    </message>
    <message>
        <source>请把需要延期的红色 Ukey 插入电脑。</source>
        <translation>Insert the red Ukey to renew.</translation>
    </message>
    <message>
        <source>只对红色 Ukey 延期；只有蓝色或银色 Ukey 时无需延期（指南 1.3 注 1）。</source>
        <translation>Only the red Ukey is renewed; blue or silver keys need no renewal (guide 1.3 note 1).</translation>
    </message>
    <message>
        <source>请拔下 Ukey 后重新插入，再试一次；仍失败请按指南 3.3 排查。</source>
        <translation>Unplug the Ukey, plug it back in and try again. If it still fails, troubleshoot as in guide 3.3.</translation>
    </message>
    <message>
        <source>请拔下 Ukey 重新插入后再试；仍失败，请点“复制支持信息”发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Unplug the Ukey, plug it back in and try again. If it still fails, click "Support info" and send it to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请按指南 3.6 提交解锁申请，并联系 Ukey 运维人员获取解锁授权码。</source>
        <translation>Submit an unlock request as in guide 3.6 and ask the Ukey support staff for the unlock authorization code.</translation>
    </message>
    <message>
        <source>请按指南 3.7 申请更换 Ukey。</source>
        <translation>Apply for a new Ukey as in guide 3.7.</translation>
    </message>
    <message>
        <source>请按指南 3.7 补全：检察院名称、6 位组织机构代码、Ukey 类型、情况说明、收件人姓名电话地址。</source>
        <translation>Complete it as in guide 3.7: procuratorate name, 6-digit organization code, Ukey type, what happened, and the receiver's name, phone and address.</translation>
    </message>
    <message>
        <source>请换一个保存位置（如桌面或“文档”文件夹）再生成一次：确认文件夹存在、可以写入，且同名文件没有在 Word 或 PDF 阅读器中打开（指南 3.7）。</source>
        <translation>Choose another place to save (such as the Desktop or the Documents folder) and make it again: check that the folder exists and can be written to, and that a file of the same name is not open in Word or a PDF reader (guide 3.7).</translation>
    </message>
    <message>
        <source>请换一个保存位置（如桌面或“文档”文件夹）再试：确认文件夹存在、可以写入，且同名文件没有被其他程序打开。</source>
        <translation>Choose another place to save (such as the Desktop or the Documents folder) and try again: check that the folder exists and can be written to, and that a file of the same name is not open in another program.</translation>
    </message>
    <message>
        <source>请插入红色 Ukey（指南 1.3）；已插入仍无反应，请换一个 USB 接口（指南 3.3 ②）。</source>
        <translation>Insert the red Ukey (guide 1.3). If it is inserted and nothing happens, try another USB port (guide 3.3 ②).</translation>
    </message>
    <message>
        <source>请放弃这次延期后重新开始：运行 ukey-renew renew --practice --abandon，或在向导的“继续上次未完成的延期”页点“信息有误，重新填写”，然后重新延期（指南 2.2 ⑤）。仍同样失败，请把支持信息发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Give up this renewal and start again: run ukey-renew renew --practice --abandon, or on the wizard's "Finish the last renewal" page click "Details wrong, fill them in again", then renew again (guide 2.2 ⑤). If it fails the same way, send the support information to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请核对信息（指南 2.2 ⑤，图 5）：</source>
        <translation>Check the details (guide 2.2 ⑤, figure 5):</translation>
    </message>
    <message>
        <source>请检查电脑日期时间是否正确；不要在不受信任的网络上操作，可换一台外网电脑（指南 2.2 ②）。</source>
        <translation>Check that the computer's date and time are right. Do not renew on an untrusted network; you can use another computer with Internet access (guide 2.2 ②).</translation>
    </message>
    <message>
        <source>请检查网络后重试；延期进度已保存，重新开始时会接着做。</source>
        <translation>Check the network and try again; the renewal's progress is saved and goes on when you start again.</translation>
    </message>
    <message>
        <source>请清理这个磁盘（删除不用的文件、清空回收站）后再试；已完成的步骤不会丢失，也不会重新下单（指南 3.12）。</source>
        <translation>Free up room on this disk (delete files you no longer need, empty the Recycle Bin), then try again: the steps already done are not lost, and no new order is placed (guide 3.12).</translation>
    </message>
    <message>
        <source>请点“下一步”填写申请函。</source>
        <translation> Click "Next" to write the application letter.</translation>
    </message>
    <message>
        <source>请点“复制支持信息”，发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Click "Support info" and send it to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请点“复制支持信息”，连同日志文件发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Click "Support info" and send it with the log file to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请用 UTF-8 重新设置这个环境变量（终端的字符编码设为 UTF-8 后再设置），或删除它，在终端中按提示输入（指南 2.2）。</source>
        <translation>Set this environment variable again in UTF-8 (set the terminal's character encoding to UTF-8 first), or remove it and type the answer in the terminal when asked (guide 2.2).</translation>
    </message>
    <message>
        <source>请用上面列出的编号之一，或用 --query 描述问题。</source>
        <translation>Use one of the numbers listed above, or describe the problem with --query.</translation>
    </message>
    <message>
        <source>请确认数据文件夹可以写入、磁盘未满，并关闭其他正在运行的 ukey-renew 后再试；仍不行请把支持信息发给 Ukey 运维人员（指南 3.12）。</source>
        <translation>Make sure the data folder can be written to and the disk is not full, close any other running ukey-renew, and try again. If it still fails, send the support info to the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请确认文件名和所在文件夹写对了（可以把文件拖进命令行窗口，得到完整路径），且文件没有被其他程序独占，再运行一次。</source>
        <translation>Check the file name and its folder (drag the file into the command window to get its full path) and that no other program holds the file, then run it again.</translation>
    </message>
    <message>
        <source>请确认电脑能上互联网（外网），稍后重试（指南 2.2 ①）。</source>
        <translation>Make sure the computer can reach the Internet, and try again later (guide 2.2 ①).</translation>
    </message>
    <message>
        <source>请确认该文件夹属于当前登录的用户、可以写入（同名的文件请改名或移走）；或设置环境变量 UKEY_RENEW_HOME 指向一个可以写入的文件夹后再试。仍不行请联系 Ukey 运维人员（指南 3.12）。</source>
        <translation>Make sure the folder belongs to the user logged in and can be written to (rename or move a file of the same name), or set the environment variable UKEY_RENEW_HOME to a folder that can be written to, and try again. If it still fails, contact the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请确认选择的是证书文件（.cer/.crt/.pem）；若证书来自 Ukey，请按指南 3.3 排查。</source>
        <translation>Make sure you chose a certificate file (.cer/.crt/.pem); if the certificate comes from the Ukey, troubleshoot as in guide 3.3.</translation>
    </message>
    <message>
        <source>请稍后重新开始；若提示操作次数过多，请明日再试（指南 3.10 ②③）。</source>
        <translation>Start again later; if it says there were too many attempts, try again tomorrow (guide 3.10 ②③).</translation>
    </message>
    <message>
        <source>请稍后重试；仍不成功请联系 Ukey 运维人员（指南 3.12）。</source>
        <translation>Try again later. If it still fails, contact the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请稍后重试；延期进度已保存，重新开始时会接着做。</source>
        <translation>Try again later; the renewal's progress is saved and goes on when you start again.</translation>
    </message>
    <message>
        <source>请立即延期：过期超过 {limit} 天就无法在线延期（指南 1.3 注 2）。插上这把 Ukey，点“开始续期”。</source>
        <translation>Renew now: more than {limit} days after expiry it can no longer be renewed online (guide 1.3 note 2). Plug in this Ukey and click "Renew now".</translation>
    </message>
    <message>
        <source>请等延期完成（或先停止延期）后再试（指南 2.2）。</source>
        <translation>Wait for the renewal to finish (or stop it first) and try again (guide 2.2).</translation>
    </message>
    <message>
        <source>请等正在进行的操作完成后再试；一直不结束，请拔下 Ukey 重新插入后再打开程序（指南 3.3）。</source>
        <translation>Wait for the operation under way to finish and try again. If it never ends, unplug the Ukey, plug it back in and open the program again (guide 3.3).</translation>
    </message>
    <message>
        <source>请给出用户发来的延期回执（ukey-renew receipt --out 回执.json）、支持信息包（.zip）或延期记录导出（ukey-renew records export），或它们所在的文件夹。</source>
        <translation>Give the renewal receipts users sent (ukey-renew receipt --out receipt.json), support bundles (.zip) or records exports (ukey-renew records export), or the folders holding them.</translation>
    </message>
    <message>
        <source>请联系 Ukey 运维人员核实延期网站地址（指南 3.12）。</source>
        <translation>Ask the Ukey support staff to confirm the renewal site's address (guide 3.12).</translation>
    </message>
    <message>
        <source>请联系 Ukey 运维人员（指南 3.12），并提供支持信息。</source>
        <translation>Contact the Ukey support staff (guide 3.12) and give them the support info.</translation>
    </message>
    <message>
        <source>请记下当前有效期，延期后用来比对（指南 2.1 ②）。</source>
        <translation>Note the current validity to compare after the renewal (guide 2.1 ②).</translation>
    </message>
    <message>
        <source>请运行 ukey-renew practice reset 重建练习环境（练习 Ukey 和练习延期网站一起重建，损坏的文件另存备查）。练习环境只用于练习，真实 Ukey 不受影响。</source>
        <translation>Run ukey-renew practice reset to rebuild the practice world (the practice Ukey and the practice renewal site together; the broken files are kept aside for support). The practice world is only for practice; real Ukeys are not affected.</translation>
    </message>
    <message>
        <source>请运行 ukey-renew practice reset 重新生成练习 Ukey。练习 Ukey 只用于练习，真实 Ukey 不受影响。</source>
        <translation>Run ukey-renew practice reset to make the practice Ukey again. The practice Ukey is only for practice; no real Ukey is affected.</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>请重启电脑后再试（指南 3.3 ③）。</source>
        <translation>Restart the computer and try again (guide 3.3 ③).</translation>
    </message>
    <message>
        <source>请重启电脑；仍不行请重新安装 BJCA 证书助手（指南 3.2、3.3 ③④）。</source>
        <translation>Restart the computer. If that does not help, reinstall the BJCA certificate assistant (guide 3.2, 3.3 ③④).</translation>
    </message>
    <message>
        <source>请重新安装 BJCA 证书助手（指南 3.2）。</source>
        <translation>Reinstall the BJCA certificate assistant (guide 3.2).</translation>
    </message>
    <message>
        <source>请重新安装 BJCA 证书助手（指南 3.2）后重试。</source>
        <translation>Reinstall the BJCA certificate assistant (guide 3.2) and try again.</translation>
    </message>
    <message>
        <source>请重新开始延期（向导中点“开始延期”，或运行 ukey-renew renew --practice）：会从头开始，原证书保持不变，延期网站会沿用这把 Ukey 未完成的订单或生成新订单（指南 2.2 ⑤）。移走的文件留给 Ukey 运维人员查看（指南 3.12）。</source>
        <translation>Start the renewal again ("Start renewal" in the wizard, or run ukey-renew renew --practice): it starts from the beginning and the old certificate is unchanged; the renewal site goes on with this Ukey's unfinished order or makes a new one (guide 2.2 ⑤). The file moved aside is kept for the Ukey support staff (guide 3.12).</translation>
    </message>
    <message>
        <source>请重新插入 Ukey 后继续；原证书不会因此丢失。</source>
        <translation>Insert the Ukey again and go on; the old certificate is not lost.</translation>
    </message>
    <message>
        <source>请重新输入：长度 6 到 8 位，同时包含字母和数字（指南 3.6 ⑥、3.9 情况 3）。</source>
        <translation>Enter it again: 6 to 8 characters, with both letters and digits (guide 3.6 ⑥, 3.9 case 3).</translation>
    </message>
    <message>
        <source>请重新运行，慢慢输入两次相同的新密码：6–8 位，同时包含字母和数字（指南 2.2 ⑥）。</source>
        <translation>Run it again and type the same new password twice, slowly: 6 to 8 characters, both letters and digits (guide 2.2 ⑥).</translation>
    </message>
    <message>
        <source>读卡器中有卡：{cards}</source>
        <translation>Card in a reader: {cards}</translation>
    </message>
    <message>
        <source>运维人员还没有审批，请稍后再查看。</source>
        <translation>Not approved yet; check again later.</translation>
    </message>
    <message>
        <source>运行 ukey-renew practice reset 生成一把（证书同指南示例，密码 111111），或用 ukey-renew --practice 打开向导练习，它会自动生成。</source>
        <translation>Run ukey-renew practice reset to make one (a certificate like the guide's example, password 111111), or open the wizard with ukey-renew --practice, which makes one by itself.</translation>
    </message>
    <message>
        <source>返回(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>返回重新输入(&amp;R)</source>
        <translation>&amp;Re-enter</translation>
    </message>
    <message>
        <source>还可尝试 {left} 次。本程序只用您输入的密码尝试一次，不会自动重试。</source>
        <translation>{left} tries left. The program tries the password you type once and never retries it by itself.</translation>
    </message>
    <message>
        <source>还有 {days} 天到期（{date}）</source>
        <translation>expires in {days} days ({date})</translation>
    </message>
    <message>
        <source>还没有练习 Ukey。</source>
        <translation>There is no practice Ukey yet.</translation>
    </message>
    <message>
        <source>还没有练习 Ukey：请在第一页点“用练习 Ukey 练一遍”。</source>
        <translation>There is no practice Ukey yet: click "Try the practice Ukey" on the first page.</translation>
    </message>
    <message>
        <source>还没有读到练习 Ukey，请稍候再试。</source>
        <translation>The practice Ukey has not been read yet; please try again in a moment.</translation>
    </message>
    <message>
        <source>这台电脑不是 Windows（{platform}）：红色 Ukey 只支持 Windows 电脑（指南 3.3 ①）。</source>
        <translation>This computer is not Windows ({platform}): the red Ukey works on Windows computers only (guide 3.3 ①).</translation>
    </message>
    <message>
        <source>这台电脑列不出 USB 设备，未检查 Ukey 硬件。</source>
        <translation>This computer cannot list its USB devices, so the Ukey hardware was not checked.</translation>
    </message>
    <message>
        <source>这台电脑是 {version}，本程序需要 Windows 10 1809（build {build}）或更新版本：请升级 Windows（Windows 10 请装上最新更新），或换一台 Windows 10/11 互联网电脑（指南 3.1）。</source>
        <translation>This computer runs {version}; the program needs Windows 10 1809 (build {build}) or later: update Windows (on Windows 10 install the latest updates) or use another Windows 10/11 computer with internet access (guide 3.1).</translation>
    </message>
    <message>
        <source>这把 Ukey 已经延期（订单号 {order}），Ukey 上是新证书，延期前后的有效期见下表（指南 2.3 ②）。想再确认时，可拔插 Ukey 后点下面的按钮再读一次。</source>
        <translation>This Ukey has been renewed (order {order}) and holds the new certificate; the validity before and after is in the table below (guide 2.3 ②). To make sure, unplug and replug the Ukey and click the button below to read it again.</translation>
    </message>
    <message>
        <source>这把 Ukey 的延期正在另一个窗口中进行。</source>
        <translation>This Ukey is being renewed in another window.</translation>
    </message>
    <message>
        <source>这是练习 Ukey：没有运维人员为它审批，请不要联系真正的运维人员。练习 Ukey 锁定后，点下面的“重置练习 Ukey”重新开始（密码恢复为 111111）。</source>
        <translation>This is the practice Ukey: no support staff approve its unlock, so please do not contact the real ones. When the practice Ukey is locked, click "Reset practice Ukey" below to start again (the password goes back to 111111).</translation>
    </message>
    <message>
        <source>进行中……</source>
        <translation>in progress…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>重新检测(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>重置练习 Ukey</source>
        <translation>Reset practice Ukey</translation>
    </message>
    <message>
        <source>重置练习 Ukey(&amp;R)…</source>
        <translation>&amp;Reset practice Ukey…</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>问题排查(&amp;T)…</source>
        <translation>&amp;Troubleshooting…</translation>
    </message>
    <message>
        <source>问题排查（指南第 3 章）</source>
        <translation>Troubleshooting (guide chapter 3)</translation>
    </message>
    <message>
        <source>需更换 Ukey</source>
        <translation>Ukey to be replaced</translation>
    </message>
    <message>
        <source>需要延期</source>
        <translation>Renewal due</translation>
    </message>
    <message>
        <source>需要输入的内容没有提供。</source>
        <translation>Something that must be entered was not given.</translation>
    </message>
    <message>
        <source>颁发者</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>颁发者：{value}</source>
        <translation>Issuer: {value}</translation>
    </message>
    <message>
        <source>验证延期是否成功</source>
        <translation>Verify the renewal</translation>
    </message>
    <message>
        <source>验证码</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>验证码(&amp;V)：</source>
        <translation>&amp;Verification code:</translation>
    </message>
    <message>
        <source>验证码不正确，请按新的图片重新输入（看不清可以换一张）。</source>
        <translation>Wrong verification code. Type the code from the new picture (click it for another one if it is hard to read).</translation>
    </message>
    <message>
        <source>验证码图片</source>
        <translation>Verification code picture</translation>
    </message>
    <message>
        <source>验证码多次输入错误。</source>
        <translation>The verification code was wrong too many times.</translation>
    </message>
    <message>
        <source>（{unit}）</source>
        <translation> ({unit})</translation>
    </message>
    <message>
        <source>（指南 2.1 注：无论有效期到哪一年，都需要延期。）</source>
        <translation> (Guide 2.1 note: renew whatever year the validity runs to.)</translation>
    </message>
    <message>
        <source>（无名称）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>（订单已在上次生成）</source>
        <translation>(the order was made last time)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
</TS>

"""Text of the class challenge (the Lesson's last step). Korean follows ``fmnist/i18n/_glossary.py``."""

TEXT = {
    "challenge.nickname": ("Nickname", "닉네임"),
    "challenge.nickname_help": ("Shown on the class's board. Up to 24 characters, no real name needed.",
                                "수업 순위표에 보입니다. 최대 24자이며, 실명이 아니어도 됩니다."),
    "challenge.nickname_missing": ("Choose a nickname first.", "먼저 닉네임을 정하세요."),
    "challenge.epochs_help": (
        "Everyone's budget is {budget} images seen: more epochs means fewer different images, each seen more often.",
        "예산은 모두 똑같이 이미지를 {budget}번 보는 것입니다. 에포크를 늘리면 서로 다른 이미지는 줄고, 한 이미지를 더 자주 봅니다.",
    ),
    "challenge.budget": ("Budget: {budget} images seen = epochs × training images ({split}).",
                         "예산: 이미지를 보는 횟수 {budget}번 = 에포크 × 학습 이미지 수({split})."),
    "challenge.budget_split": ("{epochs} × {images}", "{epochs} × {images}장"),
    "challenge.submit": ("Train my model", "내 모델 학습시키기"),
    "challenge.mine_queued": ("Your model is number {position} in the queue: ready in about {seconds} s.",
                              "내 모델은 대기열 {position}번째입니다. 약 {seconds}초 뒤에 끝납니다."),
    "challenge.mine_running": ("Your model is training now.", "내 모델을 지금 학습하고 있습니다."),
    "challenge.mine_done": ("Your model is on the board: accuracy {public:.1%} on the public half of the test set.",
                            "내 모델이 순위표에 올랐습니다. 테스트 세트의 공개 절반에서 정확도 {public:.1%}입니다."),
    "challenge.mine_failed": ("Your model could not be trained: {error}", "내 모델을 학습하지 못했습니다: {error}"),
    "challenge.failed_row": ("Could not be trained", "학습하지 못함"),
    "challenge.board_count": ("**Board**: {done} scored, {waiting} still training.",
                              "**순위표**: 점수가 나온 모델 {done}개, 아직 학습 중 {waiting}개."),
    "challenge.rank": ("Rank", "순위"),
    "challenge.public_rank": ("Public rank", "공개 순위"),
    "challenge.moved": ("Moved", "변동"),
    "challenge.public": ("Accuracy (public half)", "정확도(공개 절반)"),
    "challenge.private": ("Accuracy (private half)", "정확도(비공개 절반)"),
    "challenge.seconds": ("Training s", "학습 시간(초)"),
    "challenge.value": ("Setting", "설정값"),
    "challenge.reveal_private": ("Reveal the private scores", "비공개 점수 공개"),
    "challenge.private_caption": (
        "The public half ({half} test images) played the role of a validation set: the class saw it while "
        "choosing. The private half (the other {half}) is the test set, looked at once, at the end. {what}",
        "공개 절반(테스트 이미지 {half}장)은 검증 세트 역할을 했습니다. 설정을 고르는 동안 수업이 본 점수입니다. "
        "비공개 절반(나머지 {half}장)은 마지막에 한 번만 보는 테스트 세트입니다. {what}",
    ),
    "challenge.take_home": ("Take a model home (the model and the notebook that rebuilds it)",
                            "모델 가져가기(모델과 그 모델을 다시 만드는 노트북)"),
    "challenge.hide": ("Hidden from the board", "순위표에서 숨기기"),
    "challenge.hide_none": ("No entry hidden", "숨긴 항목 없음"),
    "challenge.hide_help": ("An entry hidden here disappears from every student's board.",
                            "여기서 숨긴 항목은 모든 학생의 순위표에서 사라집니다."),
    # --- What the board may claim ---
    "challenge.rank_tied": ("{rank} (tied)", "공동 {rank}위"),
    "challenge.interval_caption": (
        "± is the 95% interval of an accuracy measured on the half's {half} images. A model's rank is 1 + the "
        "number of models better than it by more than noise: models closer than that share a rank (tied).",
        "±는 절반의 이미지 {half}장으로 잰 정확도의 95% 구간입니다. 순위는 잡음보다 크게 앞선 모델 수에 1을 더한 "
        "값이라서, 차이가 잡음보다 작은 모델들은 같은 순위(공동)가 됩니다.",
    ),
    "challenge.details": ("Every figure and setting", "모든 수치와 설정"),
    "challenge.reshuffle_none": (
        "No model changed place, and each model's two scores agree within noise (the largest difference "
        "{gap:.1f} points, noise ±{noise:.1f}).",
        "순위가 바뀐 모델은 없고, 모델마다 두 점수가 잡음 범위 안에서 같습니다(가장 큰 차이 {gap:.1f}%p, "
        "잡음 ±{noise:.1f}%p).",
    ),
    "challenge.reshuffle_noise": (
        "Changed place: {moved} of {entries}. Yet each model's two scores agree within noise (the largest "
        "difference {gap:.1f} points, noise ±{noise:.1f}): these moves are what chance alone makes, and this board "
        "shows no sign of a model tuned to the public half.",
        "순위가 바뀐 모델은 {entries}개 중 {moved}개입니다. 그래도 모델마다 두 점수가 잡음 범위 안에서 같습니다(가장 "
        "큰 차이 {gap:.1f}%p, 잡음 ±{noise:.1f}%p). 이 변동은 우연만으로도 생기는 정도이고, 이 순위표에서는 공개 "
        "절반에 맞춰진 모델의 흔적이 보이지 않습니다.",
    ),
    "challenge.reshuffle_beyond": (
        "Scored differently on the two halves by more than noise: {beyond} of {entries} (the largest difference "
        "{gap:.1f} points, noise ±{noise:.1f}). Changed place: {moved} of {entries}. Only the half nobody chose "
        "by measures them fairly.",
        "두 절반의 점수 차이가 잡음보다 큰 모델은 {entries}개 중 {beyond}개입니다(가장 큰 차이 {gap:.1f}%p, "
        "잡음 ±{noise:.1f}%p). 순위가 바뀐 모델은 {entries}개 중 {moved}개입니다. 고를 때 보지 않은 절반만이 "
        "모델을 공정하게 잽니다.",
    ),
    # --- Noise alone: one setting, several seeds ---
    "challenge.seeds_title": ("Noise alone: one setting, several seeds", "잡음만으로: 한 설정을 여러 시드로"),
    "challenge.seeds_explain": (
        "Train one setting several times, changing only the seed (which images are drawn, their order, the first "
        "weights). Its scores spread by chance alone: differences on the board smaller than that spread say little.",
        "한 설정을 시드만 바꿔 여러 번 학습합니다(뽑히는 이미지, 순서, 처음 가중치가 바뀝니다). 점수는 우연만으로도 "
        "퍼집니다. 순위표에서 이 폭보다 작은 차이는 별 의미가 없습니다.",
    ),
    "challenge.seeds_count": ("Seeds", "시드 수"),
    "challenge.seeds_submit": ("Train this setting with these seeds", "이 설정을 시드별로 학습시키기"),
    "challenge.seeds_waiting": ("**Noise alone** ({setting}): {done} of {count} seeds trained so far.",
                                "**잡음만으로**({setting}): 시드 {count}개 중 {done}개 학습 완료."),
    "challenge.seeds_result": (
        "**Noise alone**: {setting}, trained with {count} seeds, scored {low:.1%} to {high:.1%} on the public "
        "half: a spread of {spread:.1f} points from the seed alone.",
        "**잡음만으로**: {setting} 설정을 시드 {count}개로 학습하니 공개 절반에서 {low:.1%}~{high:.1%}가 나왔습니다. "
        "시드만 바꿔도 {spread:.1f}%p 차이가 납니다.",
    ),
    "challenge.seed": ("seed", "시드"),
}
